// Draws a line chart over the rounds from the table beside it: each row is a round, each
// column after the first a line. The table holds the same figures, so nothing is said only
// by the chart; without JavaScript the tables remain.
document.querySelectorAll('canvas[data-trend-table]').forEach((canvas) => {
	const table = document.getElementById(canvas.dataset.trendTable);
	if (!table || typeof window.Chart === 'undefined') {
		return;
	}
	const colours = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#505a5f'];
	const rows = Array.from(table.querySelectorAll('tbody tr'));
	const labels = rows.map((row) => row.querySelector('th').textContent.trim());
	const headers = Array.from(table.querySelectorAll('thead th')).slice(1);
	const datasets = headers.map((header, i) => ({
		label: header.textContent.trim(),
		data: rows.map((row) => {
			const text = row.querySelectorAll('td')[i].dataset.value;
			return text ? Number(text) : null;
		}),
		borderColor: colours[i % colours.length],
		backgroundColor: colours[i % colours.length],
		spanGaps: true
	}));
	new window.Chart(canvas, {
		type: 'line',
		data: { labels, datasets },
		options: { responsive: false, animation: false,
			scales: { y: { min: 1, max: 4, ticks: { stepSize: 0.5 } } } }
	});
});
