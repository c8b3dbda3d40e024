/**
 * Coordinates in degrees carry 8 decimals (about 1 mm; NL API rules, Geospatial module): the register stores
 * points so, and both APIs publish them so, so a coordinate copied from a response finds its feature.
 */
export const DEGREE_DECIMALS = 8;
