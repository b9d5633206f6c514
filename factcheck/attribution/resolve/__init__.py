"""Who the speaker is: the subject of a cue as the parser gives it (`subjects`) or places
elsewhere (`forms`, `subjectless`), the mention as written (`mentions`), names read from raw
text (`names`), pronouns and surnames resolved to one name (`coref`), names compared
through their aliases (`aliases`), and a document's statements resolved: speaker, via,
carry-over and confidence (`drafts`)."""
