package care.seamless.careplan.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.Objective;
import care.seamless.careplan.Review;
import org.jspecify.annotations.Nullable;

/**
 * Goal attainment over time as a small server-drawn SVG: one panel per objective, the
 * person's and the practitioner's scores as two lines from -2 to +2. The same figures go
 * in a table beside it, so nothing depends on seeing the picture.
 */
record ProgressChart(List<String> dates, List<Panel> panels) {

	static final int WIDTH = 560;

	static final int HEIGHT = 140;

	private static final int LEFT = 40;

	private static final int TOP = 10;

	private static final int ROW = 30;

	record Panel(String objective, List<Row> rows, String personLine, String practitionerLine, List<Point> personPoints,
			List<Point> practitionerPoints) {
	}

	record Row(String date, @Nullable Integer person, @Nullable Integer practitioner) {
	}

	record Point(int x, int y, int score) {
	}

	static ProgressChart of(CarePlanView plan) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
		List<Review> reviews = plan.reviews();
		List<String> dates = reviews.stream().map(r -> r.heldOn().format(format)).toList();
		List<Panel> panels = new ArrayList<>();
		for (Objective objective : plan.objectives()) {
			List<Row> rows = new ArrayList<>();
			List<Point> person = new ArrayList<>();
			List<Point> practitioner = new ArrayList<>();
			for (int i = 0; i < reviews.size(); i++) {
				Review review = reviews.get(i);
				Integer p = review.score(objective.id(), Review.Scorer.PERSON);
				Integer q = review.score(objective.id(), Review.Scorer.PRACTITIONER);
				if (p == null && q == null) {
					continue;
				}
				rows.add(new Row(dates.get(i), p, q));
				if (p != null) {
					person.add(point(i, reviews.size(), p));
				}
				if (q != null) {
					practitioner.add(point(i, reviews.size(), q));
				}
			}
			if (!rows.isEmpty()) {
				panels.add(new Panel(objective.description(), rows, line(person), line(practitioner), person,
						practitioner));
			}
		}
		return new ProgressChart(dates, panels);
	}

	/** The y position of a score line, for the grid and its labels. */
	static int y(int score) {
		return TOP + (2 - score) * ROW;
	}

	private static Point point(int index, int count, int score) {
		int span = WIDTH - LEFT - 20;
		int x = LEFT + (count == 1 ? span / 2 : index * span / (count - 1));
		return new Point(x, y(score), score);
	}

	private static String line(List<Point> points) {
		StringBuilder line = new StringBuilder();
		for (Point point : points) {
			line.append(point.x()).append(',').append(point.y()).append(' ');
		}
		return line.toString().trim();
	}

}
