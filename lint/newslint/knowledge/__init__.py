"""What newslint knows about the world, read from a pack's tables: dates and datelines
(``dates``), office holders and countries (``officeholders``), English against the article's
language (``langid``), word frequencies (``words``). Check kinds ask these modules; they know
nothing of the engine."""
