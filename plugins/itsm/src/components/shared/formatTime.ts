/** A timestamp in the reader's locale, such as `Nov 10, 2026, 9:30 AM`, or a dash. */
export function formatTime(iso: string | null): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/** A day in the reader's locale, such as `Nov 10, 2026`, or a dash. */
export function formatDate(iso: string | null): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const ISO_TIMESTAMP =
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** Text with every ISO 8601 timestamp in it shown in the reader's locale. */
export function localiseTimestamps(text: string): string {
  return text.replace(ISO_TIMESTAMP, formatTime);
}
