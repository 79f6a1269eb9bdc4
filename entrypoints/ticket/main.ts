import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';

document.documentElement.lang = navigator.language.startsWith('ja') ? 'ja' : 'en';
createApp(App).use(createPinia()).mount('#app');
