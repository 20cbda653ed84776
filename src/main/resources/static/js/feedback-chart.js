// Draws each feedback chart from the table beside it: one line per column, one point per
// row. A suppressed cell ("fewer than 5") is not a number, so it is a gap, never a value.
document.querySelectorAll('canvas[data-feedback-table]').forEach((canvas) => {
	const table = document.getElementById(canvas.dataset.feedbackTable);
	if (!table || typeof window.Chart === 'undefined') {
		return;
	}
	const rows = Array.from(table.querySelectorAll('tbody tr'));
	const labels = rows.map((row) => row.querySelector('th').textContent.trim());
	const headers = Array.from(table.querySelectorAll('thead th')).slice(1).map((th) => th.textContent.trim());
	const colours = ['#1d70b8', '#00703c', '#d4351c', '#6f72af', '#f47738', '#505a5f'];
	const datasets = headers.map((label, column) => ({
		label,
		data: rows.map((row) => {
			const value = Number(row.querySelectorAll('td')[column].textContent.trim());
			return Number.isFinite(value) ? value : null;
		}),
		borderColor: colours[column % colours.length],
		backgroundColor: colours[column % colours.length],
		spanGaps: false
	}));
	new window.Chart(canvas, {
		type: 'line',
		data: { labels, datasets },
		options: { responsive: false, animation: false,
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
	});
});
