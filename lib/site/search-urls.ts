/**
 * Where the search index is served. Apart from lib/site/urls.ts because the
 * browser's search script imports it, and urls.ts reads the server's settings.
 */

import { basePath } from "./base-path.cjs";

/** The URL folder of the static index files (written to public/search-index/ by the build), under BASE_PATH. */
export const SEARCH_INDEX_PATH = `${basePath()}/search-index`;

/** Articles newer than the index, as the running server knows them (lib/search/fresh.ts). */
export const FRESH_PATH = `${SEARCH_INDEX_PATH}/fresh.json`;
