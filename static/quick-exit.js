// The quick exit (see src/lib/components/quick-exit.svelte), kept to these few lines so that the public
// pages need no other script. A click — even a modified one, which would leave Spolu open in the tab
// behind — and two presses of Escape within a second replace this page in the history with a neutral
// one, so the Back button does not return to Spolu.
(() => {
	const link = document.getElementById('quick-exit');
	if (!link) return;
	const leave = () => window.location.replace(link.href);
	link.addEventListener('click', (event) => {
		event.preventDefault();
		leave();
	});
	let last = 0;
	window.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || event.repeat) return;
		const now = Date.now();
		if (now - last <= 1000) leave();
		else last = now;
	});
	// the hint names the Escape keys, which work only now
	const hint = document.getElementById('quick-exit-hint');
	if (hint) link.setAttribute('aria-describedby', hint.id);
})();
