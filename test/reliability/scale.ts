/** `npm run test:reliability` runs the full campaign; `npm test` a CI-sized one of each kind. */
export const fullCampaign = process.env.REGULARS_RELIABILITY === 'full';

export const sized = (ci: number, full: number): number => (fullCampaign ? full : ci);
