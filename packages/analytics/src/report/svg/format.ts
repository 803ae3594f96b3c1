/** Text safe inside HTML and SVG elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number with thousands separators and `digits` decimals; `-` for a missing value. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '-';
  }
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** EUR amount with two decimals. */
export function formatEur(value: number | null | undefined): string {
  return `${formatNumber(value, 2)} EUR`;
}

/** A share (0..1) as a percentage with one decimal. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '-' : `${(value * 100).toFixed(1)} %`;
}

/** A coordinate in an SVG path: one decimal is below a pixel at any reasonable zoom. */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** An axis tick label: short, with at most three significant decimals. */
export function tickLabel(value: number): string {
  if (value === 0) {
    return '0';
  }
  const abs = Math.abs(value);
  if (abs >= 1e6) {
    return `${formatNumber(value / 1e6, abs >= 1e7 ? 0 : 1)}M`;
  }
  if (abs >= 1e4) {
    return `${formatNumber(value / 1e3, 0)}k`;
  }
  return String(Number(value.toPrecision(4)));
}
