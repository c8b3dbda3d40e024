/**
 * HTML encodings of the metadata resources — OGC API – Features Part 1 `/req/html/content`: landing page,
 * conformance, collections, one collection, queryables and the API definition (the `service-doc`), each
 * showing the same content as the JSON with links as `<a>`.
 */
import type { CollectionDocument } from '../collections';
import type { Link } from '../links';
import type { QueryablesDocument } from '../queryables';
import { html, type SafeHtml } from './escape';
import { definitionTable, page } from './layout';

type Collection = CollectionDocument;

export function landingHtml(root: string, doc: { title: string; description: string; links: Link[] }): string {
  const body = html`<p>${doc.description}</p>
<ul>
<li><a href="${root}/collections?f=html">Collecties / Collections</a></li>
<li><a href="${root}/conformance?f=html">Conformiteit / Conformance</a></li>
<li><a href="${root}/api?f=html">API-documentatie / API documentation</a> (<a href="${root}/api">OpenAPI 3.0</a>)</li>
</ul>`;
  return page({ root, title: doc.title, trail: [], links: doc.links, body });
}

export function conformanceHtml(root: string, doc: { conformsTo: readonly string[]; links: Link[] }): string {
  const body = html`<ul>${doc.conformsTo.map((uri) => html`<li><a href="${uri}">${uri}</a></li>`)}</ul>`;
  return page({ root, title: 'Conformiteit / Conformance', trail: [['Conformance', '']], links: doc.links, body });
}

function collectionSummary(collection: Collection): SafeHtml {
  const items = collection.links.find((link) => link.rel === 'items' && link.type === 'text/html');
  const metadata = collection.links.find((link) => link.rel === 'alternate');
  return html`<article><h2><a href="${metadata?.href}">${collection.title}</a></h2><p>${collection.description}</p>
<p><a href="${items?.href}">Bekijk de objecten / Browse the features</a></p></article>`;
}

export function collectionsHtml(root: string, doc: { collections: Collection[]; links: Link[] }): string {
  const body = html`${doc.collections.map(collectionSummary)}`;
  return page({ root, title: 'Collecties / Collections', trail: [['Collections', '']], links: doc.links, body });
}

export function collectionHtml(root: string, collection: Collection): string {
  const bbox = collection.extent.spatial.bbox[0] ?? [];
  const interval = collection.extent.temporal.interval[0] ?? [];
  const body = html`<p>${collection.description}</p>
${definitionTable([
    ['Id', collection.id],
    ['Omvang / Extent (CRS84)', bbox.join(', ')],
    ['Gewijzigd sinds / Updated since', interval[0] ?? null],
    ['Opslag-CRS / Storage CRS', collection.storageCrs],
    ['CRS', html`<ul>${collection.crs.map((uri) => html`<li>${uri}</li>`)}</ul>`],
  ])}`;
  return page({ root, title: collection.title, trail: [['Collections', `${root}/collections?f=html`], [collection.title, '']], links: collection.links, body });
}

export function queryablesHtml(root: string, collection: { id: string; title: string }, doc: QueryablesDocument, links: Link[]): string {
  const body = html`<p>Eigenschappen waarop gefilterd kan worden / Properties usable in filters, e.g.
<code>?organisation_slug=den-haag</code>.</p>
<table><thead><tr><th scope="col">Naam / Name</th><th scope="col">Type</th><th scope="col">Omschrijving / Description</th></tr></thead><tbody>${Object.entries(
    doc.properties,
  ).map(([name, schema]) => html`<tr><td><code>${name}</code></td><td>${schema.type ?? schema.format}${schema.type && schema.format ? ` (${schema.format})` : ''}</td><td>${schema.description}</td></tr>`)}</tbody></table>`;
  return page({
    root,
    title: doc.title,
    trail: [['Collections', `${root}/collections?f=html`], [collection.title, `${root}/collections/${collection.id}?f=html`], ['Queryables', '']],
    links,
    body,
  });
}

interface OpenApiParameter {
  $ref?: string;
  name?: string;
  description?: string;
}

/** The `service-doc`: paths, their parameters and responses, read from the OpenAPI document. */
export function apiHtml(root: string, doc: Record<string, any>, links: Link[]): string {
  const components: Record<string, OpenApiParameter> = doc.components.parameters;
  const resolve = (parameter: OpenApiParameter): OpenApiParameter =>
    parameter.$ref ? (components[parameter.$ref.split('/').pop() as string] ?? parameter) : parameter;
  const paths = Object.entries(doc.paths as Record<string, { get: { summary: string; parameters: OpenApiParameter[]; responses: Record<string, unknown> } }>);
  const body = html`<p>${doc.info.description}</p>
<p>Server: <code>${root}</code> · versie / version ${doc.info.version} · <a href="${root}/api">OpenAPI 3.0 (JSON)</a></p>
${paths.map(
    ([path, item]) => html`<section><h2><code>GET ${path}</code></h2><p>${item.get.summary}</p>
<table><thead><tr><th scope="col">Parameter</th><th scope="col">Omschrijving / Description</th></tr></thead><tbody>${item.get.parameters
      .map(resolve)
      .map((parameter) => html`<tr><td><code>${parameter.name}</code></td><td>${parameter.description}</td></tr>`)}</tbody></table>
<p>Statuscodes: ${Object.keys(item.get.responses).join(', ')}</p></section>`,
  )}`;
  return page({ root, title: 'API-documentatie / API documentation', trail: [['API', '']], links, body });
}
