import { readStoredSnapshot } from '../background/dashboard-snapshot';

document.documentElement.lang = navigator.language.startsWith('ja') ? 'ja' : 'en';

// Read before the app's code is even loaded (a static import would evaluate Vue first, bundled
// into a chunk this one imports): IndexedDB answers while the page evaluates Vue.
const stored = readStoredSnapshot().catch(() => undefined);
void import('./mount').then(({ mountPopup }) => mountPopup(stored));
