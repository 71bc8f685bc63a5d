/**
 * The uuid a new row is given. Time-ordered (version 7), so that rows made
 * one after another sit side by side in the uuid's unique index: a coding
 * then dirties the index page the previous one did, where a random uuid
 * lands on a page of its own, one more page for every commit to write.
 * REFI-QDA takes any GUID.
 */
import { v7 } from 'uuid';

export const rowUuid = (): string => v7();
