/** The id of the JSON block with the session and connections the production server embeds in the page. */
export const BOOT_DATA_ID = 'orgdeck-boot';
