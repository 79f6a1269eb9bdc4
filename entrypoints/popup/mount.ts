import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';

/** stored: the dashboard snapshot main.ts read from IndexedDB before this code loaded (undefined when there is none). */
export function mountPopup(stored: Promise<unknown>) {
  createApp(App, { stored }).use(createPinia()).mount('#app');
}
