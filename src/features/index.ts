/** OGC API – Features (Parts 1, 2 and 3: core, GeoJSON, HTML, OpenAPI 3.0, CRS by reference, queryables and CQL2 filtering) over the register: the router to mount at `/ogc/v1`. */
export { featuresRouter, type FeaturesRouterDeps } from './routes';
