package care.seamless.careplan.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

/**
 * The progress on one objective for the person's copy: a bar chart drawn as a PNG image,
 * so that it looks the same on screen, in the browser's print and in the tagged PDF
 * (openhtmltopdf tags an image as a Figure with its {@code alt} text; it draws no inline
 * SVG without an extra module, and a document runs no JavaScript). The picture holds no
 * words: the alternative text and the table beside it say everything it shows.
 */
record ProgressFigure(String objective, String image, String alt, List<ProgressChart.Row> rows) {

	static final int WIDTH = 480;

	static final int HEIGHT = 150;

	private static final int ROW = 30;

	private static final int TOP = 15;

	private static final Color PERSON = new Color(0x1d, 0x70, 0xb8);

	private static final Color PRACTITIONER = new Color(0x50, 0x5a, 0x5f);

	private static final Color GRID = new Color(0xb1, 0xb4, 0xb6);

	/**
	 * Each review a pair of bars from the "as expected" line: the person's, then the
	 * practitioner's.
	 */
	static String png(List<ProgressChart.Row> rows) {
		BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = picture.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(GRID);
			for (int score = -2; score <= 2; score++) {
				g.setStroke(new BasicStroke(score == 0 ? 2f : 1f));
				g.drawLine(0, y(score), WIDTH, y(score));
			}
			int slot = WIDTH / Math.max(rows.size(), 1);
			int bar = Math.min(40, slot / 3);
			for (int i = 0; i < rows.size(); i++) {
				int left = i * slot + (slot - 2 * bar - 4) / 2;
				bar(g, PERSON, left, bar, rows.get(i).person());
				bar(g, PRACTITIONER, left + bar + 4, bar, rows.get(i).practitioner());
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(picture, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
	}

	private static void bar(Graphics2D g, Color colour, int left, int width, @Nullable Integer score) {
		if (score == null) {
			return;
		}
		g.setColor(colour);
		int zero = y(0);
		int end = y(score);
		// A score "as expected" still shows, as a thin bar on the line.
		int height = Math.max(Math.abs(end - zero), 4);
		g.fillRect(left, Math.min(end, zero - (score == 0 ? 2 : 0)), width, height);
	}

	private static int y(int score) {
		return TOP + (2 - score) * ROW;
	}

}
