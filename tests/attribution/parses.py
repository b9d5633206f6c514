"""Hand-written parses of the sentences the rule tests read (see `written.py`).

Each entry: the sentence -> (its dependency labels, one a token; each token's head, as an
index into the sentence's tokens). The arcs are the parser's (en_core_web_sm 3.8) unless a
comment says otherwise: its slips are what many rules are for.
"""

PARSES: dict[str, tuple[str, list[int]]] = {
    # parse/test_cues.py
    "Sanders railed against the trade deal on Tuesday.": (
        "nsubj ROOT prep det compound pobj prep pobj punct",
        [1, 1, 1, 5, 5, 2, 1, 6, 1],
    ),
    "Warren was critical of the merger.": (
        "nsubj ROOT acomp prep det pobj punct",
        [1, 1, 1, 2, 5, 3, 1],
    ),
    "Clinton was confident that she would win.": (
        "nsubj ROOT acomp mark nsubj aux ccomp punct",
        [1, 1, 1, 6, 6, 6, 2, 1],
    ),
    "Smith's assessment of the economy was grim.": (
        "poss case nsubj prep det pobj ROOT acomp punct",
        [2, 0, 6, 2, 5, 3, 6, 6, 6],
    ),
    # parse/test_cues_nouns.py
    "Dan Smith spoke. He repeated his claim that the election was rigged.": (
        "compound nsubj ROOT punct nsubj ROOT poss dobj mark det nsubjpass auxpass acl punct",
        [1, 2, 2, 2, 5, 5, 7, 5, 12, 10, 12, 12, 7, 5],
    ),
    "Bolton and Gorka were both supportive of the new sanctions.": (
        "nsubj cc conj ROOT dep acomp prep det amod pobj punct",
        [3, 0, 0, 3, 3, 3, 5, 9, 9, 6, 3],
    ),
    "Devine made it clear that the campaign would go on.": (
        "nsubj ROOT nsubj ccomp mark det nsubj aux advcl prt punct",
        [1, 1, 3, 1, 8, 6, 8, 8, 3, 8, 1],
    ),
    "Francis made clear that his meeting was not political.": (
        "nsubj ROOT ccomp mark poss nsubj advcl neg acomp punct",
        [1, 1, 1, 6, 5, 6, 2, 6, 6, 1],
    ),
    "Warren's critique of the bank bill was sharp.": (
        "poss case nsubj prep det compound pobj ROOT acomp punct",
        [2, 0, 7, 2, 6, 6, 3, 7, 7, 7],
    ),
    # parse/test_frames.py
    "Jane Smith criticized the new tax plan on Monday.": (
        "compound nsubj ROOT det amod compound dobj prep pobj punct",
        [1, 2, 2, 6, 6, 6, 2, 2, 7, 2],
    ),
    "The senator wants to repeal the law.": (
        "det nsubj ROOT aux xcomp det dobj punct",
        [1, 2, 2, 4, 2, 6, 4, 2],
    ),
    "Polls show that the race is close.": (
        "nsubj ROOT mark det nsubj ccomp acomp punct",
        [1, 1, 5, 4, 5, 1, 5, 1],
    ),
    # parse/test_polls.py
    (
        "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose "
        "Clinton while 40 percent chose Trump."
    ): (
        (
            "prep det nmod nmod punct compound compound compound pobj acl npadvmod punct nummod "
            "nsubj prep pobj ROOT dobj mark nummod nsubj advcl dobj punct"
        ),
        [16, 8, 3, 7, 7, 6, 7, 8, 0, 8, 9, 16, 13, 16, 13, 14, 16, 16, 21, 20, 21, 16, 21, 16],
    ),
    "Trump leads by 57 percent to 33 percent in the 50-state poll.": (
        (
            "nsubj ROOT prep nummod pobj prep nummod pobj prep det nummod punct compound pobj "
            "punct"
        ),
        [1, 1, 1, 4, 2, 1, 7, 5, 1, 13, 12, 12, 13, 8, 1],
    ),
    "Trump has a decisive lead in the polls ahead of the state primary.": (
        "nsubj ROOT det amod dobj prep det pobj advmod prep det compound pobj punct",
        [1, 1, 4, 4, 1, 4, 7, 5, 4, 8, 12, 12, 9, 1],
    ),
    "Asked if her email practices were illegal, 46 percent of voters said yes.": (
        (
            "advcl mark poss compound nsubj advcl acomp punct nummod nsubj prep pobj ROOT intj "
            "punct"
        ),
        [12, 5, 4, 4, 5, 0, 5, 12, 9, 12, 9, 10, 12, 12, 12],
    ),
    # parse/test_content.py
    "Trump dismissed him as the latest incarnation of Pat Buchanan.": (
        "nsubj ROOT dobj prep det amod pobj prep compound pobj punct",
        [1, 1, 1, 1, 6, 6, 3, 6, 9, 7, 1],
    ),
    "She praised Fields for pursuing charges in the case.": (
        "nsubj ROOT dobj prep pcomp dobj prep det pobj punct",
        [1, 1, 1, 1, 3, 4, 4, 8, 6, 1],
    ),
    "He urged the department to process the emails by July.": (
        "nsubj ROOT det dobj aux xcomp det dobj prep pobj punct",
        [1, 1, 3, 1, 5, 1, 7, 5, 5, 8, 1],
    ),
    "Sanders accused Clinton of ducking questions about her speeches.": (
        "nsubj ROOT dobj prep pcomp dobj prep poss pobj punct",
        [1, 1, 1, 1, 3, 4, 5, 8, 6, 1],
    ),
    "Trump called for a special prosecutor to oversee an investigation into the foundation.": (
        "nsubj ROOT prep det amod pobj aux xcomp det dobj prep det pobj punct",
        [1, 1, 1, 5, 5, 2, 7, 1, 9, 7, 9, 12, 10, 1],
    ),
    'Cruz accused the debate moderators of asking too many "please attack Ted" questions.': (
        (
            "nsubj ROOT det compound dobj prep pcomp advmod amod punct intj nmod nmod punct dobj "
            "punct"
        ),
        [1, 1, 4, 4, 1, 4, 5, 8, 11, 11, 11, 14, 14, 14, 6, 1],
    ),
    "He cited the Head Start program, the federally funded pre-school delivered by schools.": (
        (
            "nsubj ROOT det compound compound dobj punct det advmod amod appos conj conj acl agent"
            " pobj punct"
        ),
        [1, 1, 5, 4, 5, 1, 5, 10, 9, 10, 5, 5, 5, 12, 13, 14, 1],
    ),
    'He dismissed it, calling it a "paperwork error" that was reported by the Times.': (
        (
            "nsubj ROOT dobj punct advcl dobj det punct compound oprd punct nsubjpass auxpass "
            "relcl agent det pobj punct"
        ),
        [1, 1, 1, 1, 1, 4, 9, 9, 9, 4, 9, 13, 13, 9, 13, 16, 14, 1],
    ),
    'She has called the ensuing chaos "a lesson I had to learn" about the need to manage it.': (
        (
            "nsubj aux ROOT det amod dobj punct det appos nsubj relcl aux xcomp punct prep det "
            "pobj aux acl dobj punct"
        ),
        [2, 2, 2, 5, 5, 2, 5, 8, 5, 10, 8, 12, 10, 12, 12, 16, 14, 18, 16, 18, 2],
    ),
    (
        'Hemsley, the author of a book, said the days when the nation had "a somewhat unifying '
        'story" from newspapers are gone.'
    ): (
        (
            "nsubj punct det appos prep det pobj punct ROOT det nsubj advmod det nsubj relcl punct"
            " det advmod amod dobj punct prep pobj auxpass ccomp punct"
        ),
        [8, 0, 3, 0, 3, 6, 4, 0, 8, 10, 23, 14, 13, 14, 10, 14, 19, 18, 19, 14, 19, 19, 21, 24, 8,
         8],
    ),
    (
        'Mr. Trump said Thursday that Those who do take on heavy debt struggle, even with a "good"'
        " job."
    ): (
        (
            "compound nsubj ROOT npadvmod mark ccomp nsubj aux relcl prt amod compound dobj punct "
            "advmod prep det punct amod punct pobj punct"
        ),
        [1, 2, 2, 2, 5, 2, 8, 8, 5, 8, 12, 12, 8, 5, 15, 5, 20, 20, 20, 20, 15, 2],
    ),
    "He insisted it was a temporary dip, reflecting restlessness within an electorate.": (
        "nsubj ROOT nsubj ccomp det amod attr punct advcl dobj prep det pobj punct",
        [1, 1, 3, 1, 6, 6, 3, 3, 3, 8, 9, 12, 10, 1],
    ),
    "He said the plan was weak, adding that it would fail.": (
        "nsubj ROOT det nsubj ccomp acomp punct advcl mark nsubj aux ccomp punct",
        [1, 1, 3, 4, 1, 4, 1, 1, 11, 11, 11, 7, 1],
    ),
    (
        "He believes there are no good options, but that sometimes the lesser of two evils will "
        "have to do."
    ): (
        (
            "nsubj ROOT expl ccomp det amod attr punct cc mark advmod det nsubj prep nummod pobj "
            "aux conj aux xcomp punct"
        ),
        [1, 1, 3, 1, 6, 6, 3, 1, 1, 17, 17, 12, 17, 12, 15, 13, 17, 1, 19, 17, 17],
    ),
    (
        "The FBI said for the first time that “top secret” intelligence had passed through "
        "Clinton’s personal email server."
    ): (
        (
            "det nsubj ROOT prep det amod pobj mark punct amod amod punct nsubj aux relcl prep "
            "poss case amod compound pobj punct"
        ),
        [1, 2, 2, 2, 6, 6, 3, 14, 12, 10, 12, 12, 14, 14, 6, 14, 20, 16, 20, 20, 15, 2],
    ),
    (
        'Rubio predicted at the most recent GOP debate that Republicans will take "every state" if'
        " Sanders wins."
    ): (
        (
            "nsubj ROOT prep det advmod amod compound pobj dobj nsubj aux relcl punct det dobj "
            "punct mark nsubj advcl punct"
        ),
        [1, 1, 1, 7, 5, 7, 7, 2, 11, 11, 11, 7, 11, 14, 11, 11, 18, 18, 11, 1],
    ),
    "She spoke about the man that she met in Iowa.": (
        "nsubj ROOT prep det pobj dobj nsubj relcl prep pobj punct",
        [1, 1, 1, 4, 2, 7, 7, 4, 7, 8, 1],
    ),
    (
        "Multiple outlets reported on Wednesday the Secret Service had more than one conversation "
        "with Trump."
    ): (
        (
            "amod nsubj acl prep pobj det compound nsubj ROOT amod quantmod nummod dobj prep pobj "
            "punct"
        ),
        [1, 8, 1, 2, 3, 7, 7, 8, 8, 11, 11, 12, 8, 12, 13, 8],
    ),
    "Scott was asked about the Florida Standards, which were developed later.": (
        (
            "nsubjpass auxpass ROOT prep det compound pobj punct nsubjpass auxpass relcl advmod "
            "punct"
        ),
        [2, 2, 2, 2, 6, 6, 3, 6, 10, 10, 6, 10, 2],
    ),
    "Trump said he hasn't decided yet and suggested that the party should wait.": (
        "nsubj ROOT nsubj aux neg ccomp advmod cc conj mark det nsubj aux ccomp punct",
        [1, 1, 5, 5, 5, 1, 5, 5, 5, 13, 11, 13, 13, 8, 1],
    ),
    (
        "Trump said Clinton hasn't apologized for the emails and suggested that she should drop "
        "out."
    ): (
        "nsubj ROOT nsubj aux neg ccomp prep det pobj cc conj mark nsubj aux ccomp prt punct",
        [1, 1, 5, 5, 5, 1, 5, 8, 6, 5, 5, 14, 14, 14, 10, 14, 1],
    ),
    # resolve/test_subjects.py
    "The emails went to the State Department, which she said represented all her work emails.": (
        (
            "det nsubj ROOT prep det compound pobj punct nsubj nsubj relcl xcomp det poss compound"
            " dobj punct"
        ),
        [1, 2, 2, 2, 6, 6, 3, 6, 10, 10, 6, 10, 15, 15, 15, 11, 2],
    ),
    (
        "Rubio had a strong moment that could play big in his home state, forcefully denouncing "
        "the Castro regime."
    ): (
        (
            "nsubj ROOT det amod dobj nsubj aux relcl advmod prep poss compound pobj punct advmod "
            "advcl det compound dobj punct"
        ),
        [1, 1, 4, 4, 1, 7, 7, 4, 7, 7, 12, 12, 9, 7, 15, 7, 18, 18, 15, 1],
    ),
    "Mr. Trump was prompted to say that he cannot believe how civil it is.": (
        (
            "compound nsubjpass auxpass ROOT aux xcomp mark nsubj aux neg ccomp advmod acomp nsubj"
            " ccomp punct"
        ),
        [1, 3, 3, 3, 5, 3, 10, 10, 10, 10, 5, 12, 14, 14, 10, 3],
    ),
    "Advisers to Mr. Rubio are quick to point out that he has placed second.": (
        "nsubj prep compound pobj ROOT acomp aux xcomp prt mark nsubj aux ccomp advmod punct",
        [4, 0, 3, 1, 4, 4, 7, 5, 7, 12, 12, 12, 7, 12, 4],
    ),
    "Jolly said he has worked with Republicans and Democrats on legislation.": (
        "advmod ROOT nsubj aux ccomp prep pobj cc conj prep pobj punct",
        [1, 1, 4, 4, 1, 4, 5, 6, 6, 4, 9, 1],
    ),
    (
        "Sunday on CNN's show, when asked about Donald Trump, President Barack Obama said he "
        "expected that Americans will reject his policy."
    ): (
        (
            "npadvmod prep poss case pobj punct advmod advcl prep compound pobj punct compound "
            "compound appos ROOT nsubj ccomp mark nsubj aux ccomp poss dobj punct"
        ),
        [15, 0, 4, 2, 1, 15, 7, 15, 7, 10, 8, 10, 14, 14, 10, 15, 17, 15, 21, 21, 21, 17, 23, 21,
         15],
    ),
    "When asked by a reporter whether this differed from Nazi Germany, Trump said no.": (
        (
            "advmod advcl agent det pobj mark nsubj ccomp prep compound pobj punct nsubj ROOT intj"
            " punct"
        ),
        [1, 13, 1, 4, 2, 7, 7, 1, 7, 10, 8, 13, 13, 13, 13, 13],
    ),
    (
        "The super PAC started reserving ad time in swing states this week, as first reported by "
        "the New York Times on Tuesday."
    ): (
        (
            "det amod nsubj ROOT xcomp compound dobj prep compound pobj det npadvmod punct mark "
            "advmod advcl agent det compound compound pobj prep pobj punct"
        ),
        [2, 2, 3, 3, 3, 6, 4, 6, 9, 7, 11, 4, 3, 15, 15, 3, 15, 20, 19, 20, 16, 15, 21, 3],
    ),
    "Many carried placards supporting Sanders.": (
        "nsubj ROOT dobj acl dobj punct",
        [1, 1, 1, 2, 3, 1],
    ),
    "Grijalva was the first Democrat in Congress to endorse Sanders in the primary.": (
        "nsubj ROOT det amod attr prep pobj aux relcl dobj prep det pobj punct",
        [1, 1, 4, 4, 1, 4, 5, 8, 4, 8, 9, 12, 10, 1],
    ),
    (
        "Mr. Bush, channeling his respectful roots, responded by first saying that Mr. Trump had "
        "some good ideas."
    ): (
        (
            "compound nsubj punct ROOT poss amod dobj punct dep prep advmod pcomp mark compound "
            "nsubj ccomp det amod dobj punct"
        ),
        [1, 3, 1, 3, 6, 6, 3, 3, 3, 8, 11, 9, 15, 14, 15, 11, 18, 18, 15, 3],
    ),
    (
        "In her New Year speech, Merkel, who has adopted one of the most open policies in Europe "
        "toward asylum seekers fleeing war in the Middle East, warned against the forces of hate "
        "once again."
    ): (
        (
            "prep poss compound compound pobj punct appos punct nsubj aux relcl dobj prep det "
            "advmod amod pobj prep pobj prep compound pobj acl dobj prep det compound pobj punct "
            "ROOT prep det pobj prep pobj advmod advmod punct"
        ),
        [29, 4, 3, 4, 0, 4, 4, 6, 10, 10, 6, 10, 11, 16, 15, 16, 12, 16, 17, 10, 21, 19, 21, 22,
         22, 27, 27, 24, 29, 29, 29, 32, 30, 32, 33, 36, 29, 29],
    ),
    (
        "Trump, speaking later at a rally in Charleston, West Virginia, did not mention Ryan "
        "directly."
    ): (
        (
            "advcl punct advcl advmod prep det pobj prep pobj punct compound appos punct aux neg "
            "ROOT dobj advmod punct"
        ),
        [15, 0, 15, 2, 2, 6, 4, 6, 7, 8, 11, 8, 8, 15, 15, 15, 15, 15, 15],
    ),
    (
        "Sanders supporters have launched petitions calling on superdelegates to back the will of "
        "voters at the convention."
    ): (
        (
            "compound nsubj aux ROOT dobj acl prep pobj aux xcomp det dobj prep pobj prep det pobj"
            " punct"
        ),
        [1, 3, 3, 3, 3, 4, 5, 6, 9, 5, 11, 9, 11, 12, 13, 16, 14, 3],
    ),
    "Trump responded to Hillary Clinton's speech denouncing his plan.": (
        "nsubj ROOT prep compound poss case pobj acl poss dobj punct",
        [1, 1, 1, 4, 6, 4, 2, 6, 9, 7, 1],
    ),
    (
        "Well, if you read between the lines, Trump wasn't so much saying that easy money wouldn't"
        " work but that he was afraid it would."
    ): (
        (
            "intj punct mark nsubj advcl prep det pobj punct nsubj aux neg advmod advmod ROOT mark"
            " amod nsubj aux neg ccomp cc mark nsubj conj acomp nsubj ccomp punct"
        ),
        [14, 10, 4, 4, 10, 4, 7, 5, 10, 10, 14, 10, 13, 14, 14, 20, 17, 20, 20, 20, 14, 20, 24, 24,
         20, 24, 27, 25, 14],
    ),
    "Ever since Bernie Sanders announced his candidacy, he's said that it is not about him.": (
        (
            "advmod mark compound nsubj advcl poss dobj punct nsubjpass auxpass ROOT mark nsubj "
            "ccomp neg prep pobj punct"
        ),
        [4, 4, 3, 4, 10, 6, 4, 10, 10, 10, 10, 13, 13, 10, 13, 13, 15, 10],
    ),
    (
        "Republican establishment figures — whose party was once respected for its discipline — "
        "both suggested the speechwriter be fired."
    ): (
        (
            "amod compound nsubj punct poss nsubjpass auxpass advmod relcl prep poss pobj punct "
            "nsubj ROOT det nsubjpass auxpass ccomp punct"
        ),
        [2, 2, 14, 2, 5, 8, 8, 8, 2, 8, 11, 9, 2, 14, 14, 16, 18, 18, 14, 14],
    ),
    (
        "The proportion of GOP primary voters saying they want a ban on Muslims entering the "
        "country is as high as three-quarters."
    ): (
        (
            "det nsubj prep nmod amod pobj acl nsubj ccomp det dobj prep pobj acl det dobj ROOT "
            "advmod acomp prep nummod punct pobj punct"
        ),
        [1, 16, 1, 5, 5, 2, 1, 8, 6, 10, 8, 10, 11, 12, 15, 13, 16, 18, 16, 18, 22, 22, 19, 16],
    ),
    (
        "The gains were held back by news from the Bank of Japan, which did not announce as much "
        "stimulus as many had hoped."
    ): (
        (
            "det nsubjpass auxpass ROOT advmod agent pobj prep det pobj prep pobj punct nsubj aux "
            "neg relcl advmod amod dobj mark nsubj aux advcl punct"
        ),
        [1, 3, 3, 3, 3, 3, 5, 6, 9, 7, 9, 10, 9, 16, 16, 16, 9, 19, 19, 16, 23, 23, 23, 19, 3],
    ),
    (
        "He has battled with the mayor over the city's finances, at one point calling the mayor a "
        "liar."
    ): (
        (
            "nsubj aux ROOT prep det pobj prep det poss case pobj punct prep nummod pobj acl det "
            "dobj det oprd punct"
        ),
        [2, 2, 2, 2, 5, 3, 2, 8, 10, 8, 6, 2, 2, 14, 12, 14, 17, 15, 19, 15, 2],
    ),
    (
        "They will also be under pressure to pledge that their choices would roll back court "
        "decisions."
    ): (
        (
            "nsubj aux advmod ROOT prep pobj aux acl mark poss nsubj aux ccomp prt compound dobj "
            "punct"
        ),
        [3, 3, 3, 3, 3, 4, 7, 5, 12, 10, 12, 12, 7, 12, 15, 12, 3],
    ),
    (
        "However, that news will come with a strong bias, according to a post from Arianna "
        "Huffington."
    ): (
        (
            "advmod punct det nsubj aux ROOT prep det amod pobj punct prep prep det pobj prep "
            "compound pobj punct"
        ),
        [5, 5, 3, 5, 5, 5, 5, 9, 9, 6, 5, 5, 11, 14, 12, 14, 17, 15, 5],
    ),
    (
        "In the days before the appearance at AIPAC, a group of rabbis called for a boycott of his"
        " speech, and the league denounced it."
    ): (
        (
            "prep det pobj prep det pobj prep pobj punct det appos prep pobj acl prep det pobj "
            "prep poss pobj punct cc det nsubj ROOT dobj punct"
        ),
        [24, 2, 0, 2, 5, 3, 5, 6, 7, 10, 7, 10, 11, 10, 13, 16, 14, 16, 19, 17, 0, 0, 23, 24, 24,
         24, 24],
    ),
    "It's easy to criticize the length of American campaigns.": (
        "nsubj ROOT acomp aux xcomp det dobj prep amod pobj punct",
        [1, 1, 1, 4, 1, 6, 4, 6, 9, 7, 1],
    ),
    (
        "De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks were "
        "priceless."
    ): (
        (
            "compound nsubj punct acl prep pobj punct acl oprd det punct dobj punct punct cc ROOT "
            "poss nsubj ccomp acomp punct"
        ),
        [1, 15, 1, 1, 3, 4, 1, 1, 7, 11, 11, 8, 1, 1, 1, 15, 17, 18, 15, 18, 15],
    ),
    "Beruff, a Scott ally, called Florida’s standards “strong.”": (
        "ROOT punct det compound appos punct acl poss case oprd punct amod punct punct",
        [0, 0, 4, 4, 0, 0, 0, 9, 7, 6, 11, 0, 0, 0],
    ),
    "Trump dropped it, according to two senators present who requested anonymity.": (
        "nsubj ROOT dobj punct prep prep nummod pobj amod nsubj relcl dobj punct",
        [1, 1, 1, 1, 1, 4, 7, 5, 7, 10, 7, 10, 1],
    ),
    # resolve/test_forms.py
    (
        "The contrast with Trump, said Doyle and others, would be clear since Trump has no former "
        "presidents by his side."
    ): (
        (
            "det nsubj prep pobj punct ROOT nsubj cc conj punct aux ccomp acomp mark nsubj advcl "
            "det amod dobj prep poss pobj punct"
        ),
        [1, 5, 1, 2, 5, 5, 11, 6, 6, 6, 11, 5, 11, 15, 15, 11, 18, 18, 15, 15, 21, 19, 5],
    ),
    (
        'Couple global exposure with a "candidate who is a lightning rod" and Clevelanders get '
        "nervous, said Christine Link, executive director of the ACLU."
    ): (
        (
            "nmod amod nsubj prep det punct pobj nsubj relcl det compound attr punct cc nsubj conj"
            " acomp punct ROOT compound nsubj punct amod appos prep det pobj punct"
        ),
        [2, 2, 18, 2, 6, 6, 3, 8, 6, 11, 11, 8, 2, 2, 15, 2, 15, 18, 18, 20, 18, 20, 23, 20, 23,
         26, 24, 18],
    ),
    (
        "Any cleareyed interpretation of the actions, said Michael Kofman, an expert on Russia, "
        "would read this as a public admission that the United States is bowing out."
    ): (
        (
            "det amod nsubj prep det pobj punct ROOT compound nsubj punct det appos prep pobj "
            "punct aux ccomp dobj prep det amod pobj mark det compound nsubj aux acl prt punct"
        ),
        [2, 2, 7, 2, 5, 3, 2, 7, 9, 17, 9, 12, 9, 12, 13, 9, 17, 7, 17, 17, 22, 22, 19, 28, 26, 26,
         28, 28, 22, 28, 7],
    ),
    (
        "“Having access to the file is valuable,” said Skelly, explaining he worked more closely "
        "with Chrabaszcz."
    ): (
        (
            "punct csubj dobj prep det pobj ccomp acomp punct punct ROOT advmod punct advcl nsubj "
            "ccomp advmod advmod prep pobj punct"
        ),
        [10, 6, 1, 2, 5, 3, 10, 6, 10, 10, 10, 10, 10, 10, 15, 13, 17, 15, 15, 18, 10],
    ),
    (
        "As a part of his plea, Marcel Lehel Lazar, 44, said that he victimized nearly 100 "
        "Americans."
    ): (
        (
            "prep det pobj prep poss pobj punct compound compound appos punct appos punct ROOT "
            "mark nsubj ccomp advmod nummod dobj punct"
        ),
        [13, 2, 0, 2, 5, 3, 5, 9, 9, 5, 9, 9, 9, 13, 16, 16, 13, 18, 19, 16, 13],
    ),
    (
        "Speaking in Harlem, Clinton, without naming him, also accused Sanders of being a "
        "latecomer to racial justice issues."
    ): (
        (
            "advcl prep pobj punct appos punct prep pcomp dobj punct advmod ROOT dobj prep pcomp "
            "det attr prep amod compound pobj punct"
        ),
        [11, 0, 1, 2, 2, 0, 0, 6, 7, 11, 11, 11, 11, 11, 13, 16, 14, 16, 20, 20, 17, 11],
    ),
    (
        "The focus on national security following the Paris terrorist attacks has created a "
        "natural opening for Clinton to highlight her experience as secretary of State."
    ): (
        (
            "det nsubj prep amod pobj prep det compound compound pobj aux ROOT det amod dobj prep "
            "pobj aux advcl poss dobj prep pobj prep pobj punct"
        ),
        [1, 11, 1, 4, 2, 1, 9, 9, 9, 5, 11, 11, 14, 14, 11, 14, 15, 18, 14, 20, 18, 20, 21, 22, 23,
         11],
    ),
    (
        "That, however, would require Republicans in Washington to recognize that the threat of "
        "climate change is not simply a left-wing fantasy."
    ): (
        (
            "nsubj punct advmod punct aux ROOT dobj prep pobj aux xcomp mark det nsubj prep "
            "compound pobj ccomp neg advmod det amod punct compound attr punct"
        ),
        [5, 5, 5, 5, 5, 5, 5, 5, 7, 10, 5, 17, 13, 17, 13, 16, 14, 10, 17, 17, 24, 23, 23, 24, 17,
         5],
    ),
    (
        "The rise of Bannon gave Beck new impetus to oppose Trump and to reach out to "
        "conservatives."
    ): (
        (
            "det nsubj prep pobj ROOT dative amod dobj aux relcl dobj cc aux conj prt prep pobj "
            "punct"
        ),
        [1, 4, 1, 2, 4, 4, 7, 4, 9, 7, 9, 9, 13, 9, 13, 13, 15, 4],
    ),
    (
        "On Sunday, Pastor Bradley Cranston stood at his pulpit in Burlington, Iowa, and, citing "
        "Exodus 18:21 (''select out of all the people able men who fear God ... as leaders''), "
        "endorsed Senator Ted Cruz of Texas, urging him on."
    ): (
        (
            "prep pobj punct compound compound nsubj ccomp prep poss pobj prep pobj punct appos "
            "punct cc punct advcl dobj nummod punct punct parataxis prep prep predet det pobj amod"
            " dobj nsubj relcl dobj punct prep pobj punct punct punct ROOT compound compound dobj "
            "prep pobj punct advcl dobj prt punct"
        ),
        [6, 0, 6, 5, 5, 6, 39, 6, 9, 7, 9, 10, 11, 11, 11, 6, 6, 6, 17, 18, 22, 22, 17, 22, 23, 27,
         27, 24, 29, 22, 31, 29, 31, 22, 17, 34, 17, 6, 39, 39, 42, 42, 39, 42, 43, 39, 39, 46, 46,
         39],
    ),
    (
        "Sanders is appealing to voters such as Borders, who are drawn to his message of economic "
        "justice and feel that many of the crime policies have done harm."
    ): (
        (
            "nsubj aux ROOT prep pobj amod prep pobj punct nsubjpass auxpass relcl prep poss pobj "
            "prep amod pobj cc conj mark nsubj prep det compound pobj aux ccomp dobj punct"
        ),
        [2, 2, 2, 2, 3, 6, 4, 6, 7, 11, 11, 7, 11, 14, 12, 14, 17, 15, 11, 11, 27, 27, 21, 25, 25,
         22, 27, 19, 27, 2],
    ),
    (
        "At the same time, Trump has been the most aggressive in the Republican field in "
        "denouncing the mainstream media."
    ): (
        (
            "prep det amod pobj punct nsubj aux ROOT det advmod attr prep det amod pobj prep pcomp"
            " det amod dobj punct"
        ),
        [7, 3, 3, 0, 7, 7, 7, 7, 10, 10, 7, 10, 14, 14, 11, 10, 15, 19, 19, 16, 7],
    ),
    (
        "In responding Friday, Clinton's campaign took the unusual step of criticizing the "
        "intelligence community."
    ): (
        (
            "prep pcomp npadvmod punct poss case nsubj ROOT det amod dobj prep pcomp det compound "
            "dobj punct"
        ),
        [7, 0, 1, 7, 6, 4, 7, 7, 10, 10, 7, 10, 11, 15, 15, 12, 7],
    ),
    (
        "The decisive victory led Republican National Committee Chairman Reince Priebus to declare"
        " that Trump was the presumptive nominee."
    ): (
        (
            "det amod nsubj ROOT compound compound compound compound compound dobj aux xcomp mark "
            "nsubj ccomp det amod attr punct"
        ),
        [2, 2, 3, 3, 6, 6, 7, 9, 9, 3, 11, 3, 14, 14, 11, 17, 17, 14, 3],
    ),
    "Trump urged voters to reject the claim that he lied.": (
        "nsubj ROOT dobj aux xcomp det dobj dobj nsubj acl punct",
        [1, 1, 1, 4, 1, 6, 4, 9, 9, 6, 1],
    ),
    (
        "Trump further summed up Clinton as “terrible,” denounced her record as secretary of state"
        " and said she should not even be allowed to run for office."
    ): (
        (
            "nsubj advmod advcl prt dobj prep punct amod punct punct ROOT poss dobj prep pobj prep"
            " pobj cc conj nsubjpass aux neg advmod auxpass ccomp aux xcomp prep pobj punct"
        ),
        [2, 2, 10, 2, 2, 2, 5, 5, 10, 10, 10, 12, 10, 12, 13, 14, 15, 10, 10, 24, 24, 24, 24, 24,
         18, 26, 24, 26, 27, 10],
    ),
    (
        "Trump, meanwhile, was making a fresh pitch to Sanders voters, refusing to concede that "
        "the Vermont senator’s backers were unlikely to vote for him."
    ): (
        (
            "intj punct advmod punct aux ROOT det amod dobj prep compound pobj punct advcl aux "
            "xcomp mark det compound poss case nsubj ccomp acomp aux xcomp prep pobj punct"
        ),
        [5, 5, 5, 5, 5, 5, 8, 8, 5, 5, 11, 9, 5, 5, 15, 13, 22, 19, 19, 21, 19, 22, 15, 22, 25, 23,
         25, 26, 5],
    ),
    (
        "Kyle, referred to as the deadliest sniper in US military history, has been seen as a "
        "conservative icon."
    ): (
        (
            "nsubj punct ROOT prep prep det amod pobj prep nmod amod pobj punct aux auxpass conj "
            "prep det amod pobj punct"
        ),
        [2, 0, 2, 2, 2, 7, 7, 4, 7, 11, 11, 8, 2, 15, 15, 2, 15, 19, 19, 16, 2],
    ),
    "Low oil prices, seen as a boon for drivers, have hurt the economy.": (
        "amod compound nsubj punct acl prep det pobj prep pobj punct aux ROOT det dobj punct",
        [2, 2, 12, 2, 2, 4, 7, 5, 7, 8, 2, 12, 12, 14, 12, 12],
    ),
    (
        "Their hostility is often justified by arguing that Islam is incompatible with liberal "
        "democracy."
    ): (
        (
            "poss nsubjpass auxpass advmod ROOT prep pcomp mark nsubj ccomp acomp prep amod pobj "
            "punct"
        ),
        [1, 4, 4, 4, 4, 4, 5, 9, 9, 6, 9, 10, 13, 11, 4],
    ),
    "The victory led Priebus to declare that he won.": (
        "det nsubj ROOT dobj aux xcomp mark nsubj ccomp punct",
        [1, 2, 2, 2, 5, 2, 8, 8, 5, 2],
    ),
    "Clinton's campaign took the unusual step of criticizing the agencies.": (
        "poss case nsubj ROOT det amod dobj prep pcomp det dobj punct",
        [2, 0, 3, 3, 6, 6, 3, 6, 7, 10, 8, 3],
    ),
}
