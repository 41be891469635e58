import { m } from '$lib/paraglide/messages';

/** Names of the ways money comes in, and of the kinds of offline gift, in the current language. */
const channelNames: Record<string, () => string> = {
	card: m.money_channel_card,
	bank: m.money_channel_bank,
	offline: m.money_channel_offline,
	in_kind: m.money_channel_in_kind
};
export const channelName = (channel: string) => channelNames[channel]?.() ?? channel;

export const offlineKinds = ['cash', 'sponsor', 'transfer', 'other', 'in_kind'] as const;
const offlineKindNames: Record<(typeof offlineKinds)[number], () => string> = {
	cash: m.money_gift_kind_cash,
	sponsor: m.money_gift_kind_sponsor,
	transfer: m.money_gift_kind_transfer,
	other: m.money_gift_kind_other,
	in_kind: m.money_gift_kind_in_kind
};
export const offlineKindOptions = () =>
	offlineKinds.map((value) => ({ value, label: offlineKindNames[value]() }));
