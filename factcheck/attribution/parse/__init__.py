"""Attribution frames read from spaCy's dependency parse: the cue lexicon (`cues`), frames of
saying (`frames`), frames no cue opens (`polls`), quoted fragments without a cue
(`fragments`), and the content each frame reports (`content`, `complements`)."""
