// The element's types for Vue's templates (GlobalComponents), as the README shows.
import 'cerez/vue';
