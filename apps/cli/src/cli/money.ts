/** EUR with two decimals and thousands separators; a value that rounds to zero prints 0.00, never -0.00. */
export function money(value: number): string {
  const text = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return text === '-0.00' ? '0.00' : text;
}
