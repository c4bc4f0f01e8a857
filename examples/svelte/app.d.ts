// The element's types for Svelte's templates (svelteHTML), as the README shows.
import 'cerez/svelte';
