import { browser } from '#imports';

/** This extension's origin (chrome-extension://<id>): what a backend's CORS_ORIGINS must list to accept it. */
export const extensionOrigin = (): string => new URL(browser.runtime.getURL('/')).origin;
