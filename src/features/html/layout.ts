/**
 * The page frame of the HTML encoding (OGC API – Features Part 1 `/req/html/definition`, `/req/html/content`):
 * HTML5, Dutch first with English alongside, breadcrumbs, the resource's links as `<a>` elements, and the
 * stylesheet and scripts served from this API (no CDN).
 */
import type { Link } from '../links';
import { html, type SafeHtml } from './escape';

export interface PageOptions {
  /** The API root (`…/ogc/v1`), for assets and breadcrumbs. */
  readonly root: string;
  readonly title: string;
  /** Path of breadcrumbs below the landing page: [label, href]. */
  readonly trail: ReadonlyArray<readonly [string, string]>;
  readonly links: readonly Link[];
  readonly body: SafeHtml;
  /** Include Leaflet and the map script. */
  readonly map?: boolean;
}

function linkList(links: readonly Link[]): SafeHtml {
  return html`<ul class="links">${links.map(
    (link) => html`<li><a href="${link.href}" rel="${link.rel}" type="${link.type}">${link.title ?? link.rel}</a> <small>${link.rel} · ${link.type}</small></li>`,
  )}</ul>`;
}

export function page(options: PageOptions): string {
  const { root } = options;
  const crumbs = [['Sensorregister — OGC API Features', `${root}?f=html`] as const, ...options.trail];
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title.startsWith('Sensorregister') ? options.title : `${options.title} — Sensorregister`}</title>
<link rel="stylesheet" href="${root}/assets/features.css">
${options.map ? html`<link rel="stylesheet" href="${root}/assets/leaflet/leaflet.css">
<script src="${root}/assets/leaflet/leaflet.js" defer></script>
<script src="${root}/assets/features-map.js" defer></script>` : ''}
</head>
<body>
<header><nav aria-label="Kruimelpad / Breadcrumbs"><ol class="crumbs">${crumbs.map(
    ([label, href], i) => (i === crumbs.length - 1 ? html`<li aria-current="page">${label}</li>` : html`<li><a href="${href}">${label}</a></li>`),
  )}</ol></nav></header>
<main>
<h1>${options.title}</h1>
${options.body}
<section><h2>Links</h2>${linkList(options.links)}</section>
</main>
<footer><p>Sensorregister — open register van sensoren in de openbare ruimte / open register of sensors in Dutch public space.</p></footer>
</body>
</html>
`.text;
}

/** A two-column table of name/value rows. */
export function definitionTable(rows: ReadonlyArray<readonly [string, SafeHtml | string | number | boolean | null | undefined]>): SafeHtml {
  return html`<table class="properties"><tbody>${rows.map(
    ([name, value]) => html`<tr><th scope="row">${name}</th><td>${value === null || value === undefined ? '—' : typeof value === 'boolean' ? (value ? 'ja / yes' : 'nee / no') : value}</td></tr>`,
  )}</tbody></table>`;
}
