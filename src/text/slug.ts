/** URL-safe codes from labels: `Optische / camera sensor` → `optische-camera-sensor`, `SoilAndUnderground` → `soil-and-underground`. */
export function slugify(label: string): string {
  return label
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
