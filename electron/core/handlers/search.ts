import { searchText } from '../search/textSearch';
import type { HandlersFor } from './types';

export const searchHandlers: HandlersFor<'search'> = {
  'search.text': ({ terms, lang, limit }, core) => searchText(core.requireProject(), terms, lang, limit ?? 1000),
};
