/** OGC API – Features (Parts 1, 2 and the queryables of Part 3) over the register: the router to mount at `/ogc/v1`. */
export { featuresRouter, type FeaturesRouterDeps } from './routes';
