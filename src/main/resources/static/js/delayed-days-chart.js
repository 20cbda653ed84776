// Draws each report chart from the table beside it, so the chart never says anything the
// table (and the summary sentence) does not; without JavaScript the tables remain.
document.querySelectorAll('canvas[data-chart-table]').forEach((canvas) => {
	const table = document.getElementById(canvas.dataset.chartTable);
	if (!table || typeof window.Chart === 'undefined') {
		return;
	}
	const rows = Array.from(table.querySelectorAll('tbody tr'));
	const labels = rows.map((row) => row.querySelector('th').textContent.trim());
	const values = rows.map((row) => Number(row.querySelector('td').textContent.trim()));
	new window.Chart(canvas, {
		type: 'bar',
		data: { labels, datasets: [{ label: table.querySelector('caption').textContent.trim(), data: values,
			backgroundColor: '#1d70b8' }] },
		options: { responsive: false, animation: false, plugins: { legend: { display: false } },
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
	});
});
