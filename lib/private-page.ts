/** the private frame's page, relative to the extension's root (entrypoints/private) */
export const PRIVATE_PAGE = '/private.html';
/** what a frame says to the page it is in: no data, only that the user closed it */
export const FRAME_CLOSE = 'qadam:private-close';
/** fixed sizes (px) per kind: what the page can measure never depends on the profiles */
export const FRAME_SIZE = { 'wrong-company': 240, 'already-registered': 170, first: 92 } as const;
