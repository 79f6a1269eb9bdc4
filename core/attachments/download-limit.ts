/**
 * Largest attachment the extension downloads: its bytes cross the message channel as base64 (a
 * third larger), and Chrome refuses messages of 64 MB; departments keep up to 50 MB per file.
 */
export const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024;
