-- Who may read a story on this website becomes one choice instead of two checkboxes that could both be
-- ticked: everyone ('public'), signed-in donors only ('donors') or nobody ('none'). Ticking "this
-- website" and "donors only" together used to publish the story to every visitor, although the worker
-- who ticked "donors only" meant the narrower circle. Such consents become 'donors': the narrower reading
-- is the one that cannot hurt the family, and the coordinator may record a wider consent again after
-- asking. Sharing on the club's social networks shows a story to everyone, so it no longer goes with
-- 'donors'. 'none' with no social networks records that the family does not want the story published.
alter table need_consents add column audience text;

update need_consents
set audience = case when scope_donors then 'donors' when scope_website then 'public' else 'none' end;

update need_consents set scope_social = false where audience = 'donors';

alter table need_consents
	alter column audience set not null,
	add constraint need_consents_audience check (audience in ('public', 'donors', 'none')),
	add constraint need_consents_social_public check (not (scope_social and audience = 'donors'));

-- drops the old "at least one scope" check with them
alter table need_consents drop column scope_website, drop column scope_donors;

alter table need_consents rename column scope_social to social;
