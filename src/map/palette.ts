// Map colours that are not the data's own (ocean, borders, labels), per theme.
export interface Palette {
  readonly dark: boolean;
  readonly ocean: string;
  readonly border: string;
  readonly label: string;
  readonly labelHalo: string;
  readonly iconOutline: string;
  readonly highlight: string;
  /** Drawn under highlight lines and rings, so they stand out on any fill. */
  readonly casing: string;
  readonly clusterFill: string;
  readonly clusterText: string;
}

export function paletteFor(dark: boolean): Palette {
  return dark
    ? { dark, ocean: '#14181d', border: '#5a6270', label: '#e8eaed', labelHalo: '#14181d', iconOutline: '#0b0d10', highlight: '#ffffff', casing: '#000000', clusterFill: '#c9d1db', clusterText: '#111418' }
    : { dark, ocean: '#dce6ee', border: '#8a96a3', label: '#23272d', labelHalo: '#ffffff', iconOutline: '#ffffff', highlight: '#111111', casing: '#ffffff', clusterFill: '#3b4450', clusterText: '#ffffff' };
}
