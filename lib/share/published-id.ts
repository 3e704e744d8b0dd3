// The id of a published playground as this app makes them: 12 characters of base64url (lib/publish/content-id.ts).
// Shared by the server, the Share dialog and the library, which all check ids they are given.
export const PUBLISHED_ID_LENGTH = 12;
export const PUBLISHED_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/;
