// Draws each outcome chart from the table beside it: one line per group, one point per
// period; a suppressed figure has no value and leaves a gap, so the chart never shows what
// the table withholds.
document.querySelectorAll('canvas[data-outcome-table]').forEach((canvas) => {
	const table = document.getElementById(canvas.dataset.outcomeTable);
	if (!table || typeof window.Chart === 'undefined') {
		return;
	}
	const rows = Array.from(table.querySelectorAll('tbody tr'));
	const labels = [...new Set(rows.map((row) => row.dataset.period))];
	const groups = [...new Set(rows.map((row) => row.dataset.group))];
	const colours = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#505a5f'];
	const datasets = groups.map((group, i) => ({
		label: group,
		data: labels.map((label) => {
			const row = rows.find((r) => r.dataset.period === label && r.dataset.group === group);
			return row && row.dataset.value !== undefined && row.dataset.value !== '' ? Number(row.dataset.value) : null;
		}),
		borderColor: colours[i % colours.length],
		backgroundColor: colours[i % colours.length],
		spanGaps: false
	}));
	new window.Chart(canvas, {
		type: 'line',
		data: { labels, datasets },
		options: { responsive: false, animation: false, scales: { y: { beginAtZero: true } } }
	});
});
