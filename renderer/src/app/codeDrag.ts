/** The drag payload of a code dragged from the codebook: its id. */
export const CODE_DRAG_TYPE = 'application/x-tematik-code';
