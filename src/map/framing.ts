// The opening camera, shared by the SVG map and MapLibre so that the hand-over does not jump.
export const WORLD_BOUNDS: [[number, number], [number, number]] = [[-140, -50], [165, 70]];
export const FIT_PADDING = 8;
