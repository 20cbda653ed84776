package care.seamless.assessment.web;

import care.seamless.assessment.EpisodeId;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

@Component
class EpisodeIdConverter implements Converter<String, EpisodeId> {

	@Override
	public EpisodeId convert(String source) {
		return EpisodeId.of(source);
	}

}
