import { en } from './en';
import { id } from './id';

export type Language = 'en' | 'id';
export const languages: readonly Language[] = ['en', 'id'];
export const catalogs = { en, id } as const;
export type { Catalog } from './en';
