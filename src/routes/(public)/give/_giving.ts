/*
 * What the gift forms and their server side share that the browser may see too (types only).
 */

/** The split offered before giving (payments/giving.ts planGift), in haléře. */
export interface OverflowOffer {
	amount: number;
	toNeed: number;
	toFund: number;
	/** "only what is missing" is offered when it can be paid this way (a card takes 15 Kč at least) */
	canGiveMissing: boolean;
}
