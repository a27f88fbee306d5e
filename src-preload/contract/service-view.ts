/**
 * The Services tab's view choices, shared by main and renderer at run time (no zod, so the renderer may
 * import it): what the list shows, saved in settings.
 */

/** What the Services table lists: services only (as services.msc does), drivers only, or both. */
export const SERVICE_LIST_SHOWS = ['services', 'drivers', 'all'] as const;

export type ServiceListShow = (typeof SERVICE_LIST_SHOWS)[number];
