/*
 * The delivery of a need's help as the server hands it to the need's page: shared by the domain
 * (src/lib/server/delivery/steps.ts) and the page's component, so both speak of the same shape.
 */

export type DeliveryStep = 'arranged' | 'bought' | 'delivered' | 'confirmed';

/** The delivery as the need's page shows it; never the protected data, which has its own explicit read. */
export interface DeliveryView {
	step: DeliveryStep | null;
	arrangedAt: Date | null;
	plan: string;
	boughtAt: Date | null;
	deliveredOn: string | null;
	note: string | null;
	proofName: string | null;
	confirmedAt: Date | null;
	feedback: { thanks: string | null; change: string | null } | null;
	can: {
		arrange: boolean;
		markBought: boolean;
		markDelivered: boolean;
		confirm: boolean;
		readProof: boolean;
	};
}
