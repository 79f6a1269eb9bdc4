const UNITS = ['B', 'KB', 'MB', 'GB'];

/** An attachment's size as people read it: "980 B", "1.5 KB", "23 MB" (binary units; one decimal below 10). */
export function fileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${UNITS[unit]}`;
}
