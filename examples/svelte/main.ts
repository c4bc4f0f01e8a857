// Svelte 5 and the element, as the README shows: attributes as in HTML (a boolean one bare), and
// `on:consent-change` listens for the event.
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
