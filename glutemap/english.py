"""Every visible word of the app that is not knowledge content, in one place (a Spanish edition will follow).

Knowledge text (conditions, muscles, exercises, disclaimers) lives in `knowledge/`; this module holds the
labels, headings and short messages of the screens. Group by screen; keep names descriptive.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plural:
    """A message whose words depend on a number: its singular and plural English forms (gettext's msgid and
    msgid_plural), and the format field holding the number. A language picks the form by its own plural rules."""

    one: str
    other: str
    count: str = "count"

    def format(self, **fields: object) -> str:
        """The English form for the number in `fields[self.count]`, with the fields filled in."""
        return (self.one if fields[self.count] == 1 else self.other).format(**fields)


APP_TITLE = "GluteMap"

# --- navigation -------------------------------------------------------------------------------------------
NAV_HOME = "Home"
NAV_EXPLORE = "Explore"
NAV_CONDITIONS = "Conditions"
NAV_ANATOMY = "Anatomy"
NAV_EXERCISES = "Exercises"
NAV_PLAN = "My plan"
NAV_ABOUT = "Sources & about"

# --- shared components ------------------------------------------------------------------------------------
GLOSSARY_HEADING = "Words used here"
SOURCES_HEADING = "Sources"
REVIEWED_ON = "Content last reviewed on {date}."
UNAVAILABLE_TITLE = "GluteMap is temporarily unavailable"
UNAVAILABLE_BODY = (
    "The information GluteMap shows could not be loaded just now. Please try again later, or ask a member "
    "of staff. If you are in pain or worried about your health, please talk to a {doctor} or nurse."
)
ERROR_TITLE = "Sorry, something went wrong on this screen"
ERROR_BODY = "Nothing you chose was lost. You can try again, or go back to the start."
BACK_TO_START = "Back to the start"
NOT_FOUND = "We could not find “{name}”. Choose one from the list instead."

# --- urgent panel -----------------------------------------------------------------------------------------
URGENT_TITLE = "Seek care now"
URGENT_INTRO = (
    "You chose or described something that can be a sign of a serious problem. This does not mean something "
    "serious is happening, but it needs a {doctor}'s check before anything else."
)
URGENT_ACK = "I understand. Show me the information anyway"
URGENT_ACKNOWLEDGED = "You have read the urgent advice above. Please still get the check it describes."
URGENCY_PREFIX = {"emergency": "EMERGENCY", "urgent": "URGENT", "prompt": "SOON"}

# --- home -------------------------------------------------------------------------------------------------
HOME_TITLE = "GluteMap"
HOME_LINES = (
    "GluteMap shows how two muscles on the side of your hip, the gluteus medius and gluteus minimus, "
    "can be linked to pain in the back, hip, knee and foot.",
    "It helps you learn and prepare questions for a {doctor} or {therapist}.",
    "It cannot tell you what is wrong: it is for learning only, not a diagnosis.",
)
HOME_EMERGENCY = (
    "If this is an emergency — for example sudden numbness between your legs, losing control of your bladder "
    "or bowels, or a bad fall — get medical help now. Do not use this app."
)
HOME_GO_EXPLORE = "Explore where it hurts"
HOME_GO_ANATOMY = "Learn about the muscles"
HOME_GO_EXERCISES = "See the exercises"

# --- explore ----------------------------------------------------------------------------------------------
EXPLORE_TITLE = "Explore where it hurts"
EXPLORE_INTRO = "Choose where it hurts, describe it in your own words, or both. Results update as you go."
EXPLORE_RED_FLAGS_HEADING = "First, do any of these apply to you?"
EXPLORE_RED_FLAGS_HELP = (
    "Numbness between the legs, new bladder or bowel trouble, a fever, a big fall and a few other signs can mean"
    " a problem that needs a {doctor} soon."
)
EXPLORE_RED_FLAGS_OPEN = "Check the warning signs and tick any that apply"
EXPLORE_RED_FLAGS_DETAIL = "What each sign means"
EXPLORE_WHERE_HEADING = "Where does it hurt?"
EXPLORE_TEXT_LABEL = "Describe it in your own words"
EXPLORE_INPUT_MODE_LABEL = "How would you like to show where it hurts?"
EXPLORE_INPUT_MODES = {"words": "In my own words", "map": "On a drawing of the body"}
EXPLORE_EXAMPLES_LABEL = "Or tap a description that fits"
EXPLORE_TEXT_PLACEHOLDER = "For example: my knee hurts when I run"
EXPLORE_TEXT_TOO_LONG = "Your description is very long; only the first part was read."
EXPLORE_CLEAR = "Clear my choices"
EXPLORE_APPLY = "Show what may fit"
EXPLORE_RESULTS_HEADING = "What may be linked"
EXPLORE_NO_INPUT = "Choose a place on the body or describe your pain to see what may be linked."
EXPLORE_NO_MATCH = (
    "Nothing in GluteMap fits what you chose or wrote. GluteMap only covers problems linked to the side "
    "hip muscles. If you are worried, please talk to a {doctor} or {therapist}."
)
EXPLORE_MUSCLES_ONLY = "No condition in GluteMap is felt mainly here, but these muscles can send (refer) pain to this place:"
EXPLORE_AREA_NOTE = "About pain in this place: {label}"
EXPLORE_AREA_WHO = "Who can help"
EXPLORE_ASK_HEADING = "Does this apply to you?"
EXPLORE_ASK_HELP = "Your words may point to a warning sign. If it is true for you, tap Yes to see what to do."
EXPLORE_ASK_YES = "Yes, this applies"
EXPLORE_WHY = "Why this was shown"
EXPLORE_HOW_MUSCLES = "How the hip muscles can be involved"
EXPLORE_EVIDENCE = "How strong the evidence is"
EXPLORE_EXERCISES = "Exercises that may help"
EXPLORE_EXERCISES_COUNT = Plural("{count} exercise that may help", "{count} exercises that may help")
EXPLORE_CARD_PICTURE = "Where {name} is usually felt, shaded on a drawing of the body: {areas}."
EXPLORE_EXERCISES_HIDDEN = "Exercise ideas are hidden until you have read the urgent advice above."
EXPLORE_OPEN_CONDITION = "Read more about {name}"
EXPLORE_MUSCLES_HEADING = "Muscles that may be involved"
EXPLORE_REFERRAL_HEADING = "Where these muscles can send pain"
EXPLORE_REFERRAL_INTRO = (
    "A tight or irritated muscle can make pain appear somewhere else (referred pain). These drawings show "
    "where each muscle can send pain, with the places you chose outlined."
)
# The results come in four sections to choose from; only the chosen one is built, so each tap stays quick.
EXPLORE_SECTIONS_LABEL = "Show"
EXPLORE_SECTION_CONDITIONS = "Conditions"
EXPLORE_SECTION_NEXT = "What you could do next"
EXPLORE_SECTION_MUSCLES = "Muscles and pain maps"
EXPLORE_SECTION_FLOW = "How it connects"
EXPLORE_SECTION_EMPTY = "Nothing to show here for what you chose. Try another place or other words."
EXPLORE_FLOW_TITLE = "From where it hurts to conditions, muscles and exercises"
EXPLORE_FLOW_TABLE = "The same links as a table"
EXPLORE_UNDERSTOOD = "Places we understood from your words: {places}"
FLOW_TABLE_COLUMNS = ("From", "To")
FLOW_KIND_LABELS = {"region": "place", "condition": "condition", "muscle": "muscle", "exercise": "exercise"}
SIDE_SUFFIX = {"l": "your left", "r": "your right"}

# --- kiosk ------------------------------------------------------------------------------------------------
KIOSK_WELCOME_TITLE = "Welcome to GluteMap"
KIOSK_WELCOME_BODY = (
    "Learn how two muscles on the side of the hip can be linked to back, hip, knee and foot pain, and which exercises may help."
)
KIOSK_WELCOME_NOTICE = (
    "This screen is for learning only. It cannot tell you what is wrong and does not replace a {doctor} or "
    "{therapist}. Nothing you choose or type is kept: the screen clears itself when you leave."
)
KIOSK_START = "Start"
KIOSK_IDLE_WARNING = "Are you still there? This screen will clear itself in {seconds} seconds."
KIOSK_STILL_HERE = "I'm still here"

# --- conditions screen ------------------------------------------------------------------------------------
CONDITIONS_TITLE = "Conditions"
CONDITIONS_INTRO = (
    "Common problems in which the gluteus medius and minimus can play a part. Reading about a condition "
    "cannot tell you whether you have it; only a clinician who examines you can."
)
CONDITION_SEARCH_LABEL = "Search the conditions"
CONDITION_SEARCH_PLACEHOLDER = "A name or everyday words, for example: outer hip pain"
CONDITION_RESULTS_COUNT = Plural("Showing {shown} of {total} condition.", "Showing {shown} of {total} conditions.", count="total")
CONDITION_NO_RESULTS = "No condition matches those words. Try other words, or clear the search to see them all."
CONDITION_NONE_YET = "No conditions have been added yet."
CONDITION_OPEN_HELP = "Read about this condition"
CONDITION_BACK = "All conditions"
CONDITION_ALSO_CALLED = "Also called: {names}"
CONDITION_SYMPTOMS = "Common symptoms"
CONDITION_FELT_IN = "Where it is usually felt"
CONDITION_MUSCLES = "How the hip muscles are involved"
CONDITION_EVIDENCE = "How strong the evidence is"
CONDITION_MUSCLE_PAGE = "{name}: anatomy and where its pain is felt"
CONDITION_EXERCISES = "What may help"
CONDITION_SELF_CARE = "Looking after yourself"
CONDITION_SEE_CLINICIAN = "When to see a clinician"
CONDITION_RETURN_TO_ACTIVITY = "Getting back to walking, running and sport"
CONDITION_QUESTIONS = "Questions you could ask a clinician"
CONDITION_FOR_CLINICIANS = "For clinicians"
CONDITION_ICD_HEADING = "ICD-10-CM codes"
CONDITION_ICD_VALIDITY_UNKNOWN = "validity not stated"
CONDITION_ICD_COLUMNS = ("Code", "Title", "Validity", "Note")
CONDITION_EVIDENCE_DETAIL = "Evidence by muscle"
CONDITION_CLINICIAN_NOTES = "Clinical notes"

# --- anatomy screen ---------------------------------------------------------------------------------------
ANATOMY_TITLE = "Anatomy"
ANATOMY_INTRO = "How the gluteus medius and minimus are built, what they do, and where their pain can be felt."
MUSCLE_CHOICE_LABEL = "Muscle"
ANATOMY_TAB_MUSCLE = "The muscle"
ANATOMY_TAB_REFERRAL = "Where pain can be felt"
ANATOMY_TAB_COMPARE = "Medius and minimus compared"
ANATOMY_TAB_TRENDELENBURG = "Standing on one leg"
MUSCLE_ATTACHMENTS = "Where it attaches"
MUSCLE_ORIGIN = "Starts at (origin)"
MUSCLE_INSERTION = "Ends at (insertion)"
MUSCLE_SUPPLY = "Nerve and blood supply"
MUSCLE_NERVE = "Nerve: {nerve}"
MUSCLE_NERVE_ROOTS = "Nerve roots in the lower spine: {roots}"
MUSCLE_BLOOD = "Blood supply: {blood}"
MUSCLE_ACTIONS = "What it does"
MUSCLE_LAYER = "How deep it lies"
MUSCLE_NOTES = "Good to know"
MUSCLE_AGGRAVATORS = "Things that often make its pain worse"
MUSCLE_CONDITIONS = "Conditions it can be involved in"
MUSCLE_EXERCISES = "Exercises that work it"
MUSCLE_FOR_CLINICIANS = "For clinicians"
REFERRAL_VIEW_LABEL = "Body view"
REFERRAL_INTRO = "Where pain from this muscle is often felt. Pain can be felt away from the muscle itself (referred pain)."
REFERRAL_COLUMNS = ("Body area", "How often", "Where exactly", "Seen from")
REFERRAL_NONE = "GluteMap has no pain map for this muscle."
COMPARE_INTRO = "The two muscles side by side."
TRENDELENBURG_HEADING = "The Trendelenburg sign"
TRENDELENBURG_INTRO = (
    "With every step you stand on one leg for a moment. The gluteus medius and minimus of the standing leg "
    "keep the pelvis level. A clinician may ask you to stand on one leg to see how well they do this."
)
EXERCISE_ROLE_LABELS = {"primary": "works it mainly", "secondary": "works it a little"}
LAYER_DEPTH_WORDS = {1: "outermost", 2: "middle", 3: "deep", 4: "deepest"}
LAYER_COVERED = "{name}: layer {layer} ({depth}), covered by {over}."
LAYER_UNCOVERED = "{name}: layer {layer} ({depth}); no other buttock muscle covers it."

# --- anatomy figures (labels drawn inside the diagrams, and their text equivalents) ------------------------
FIGURE_TEXT_HEADING = "What the picture shows"
LAYER_FIGURE_TITLE = "Layers of the buttock, seen as a slice from the side"
LAYER_FIGURE_OUTSIDE = "Skin and fat (outside)"
LAYER_FIGURE_BONE = "Hip bone (ilium)"
LAYER_FIGURE_BAND = "Layer {layer}: {name}"
LAYER_FIGURE_THIS = " ← this muscle"
LAYER_TEXT_INTRO = "From the skin inward:"
LAYER_TEXT_BAND = "Layer {layer} ({depth}): {name}"
LAYER_TEXT_BONE = "Then the hip bone (ilium), which the muscles attach to."

# --- the muscles on the bones (labels drawn inside the drawings, and their text equivalents) ----------------
MUSCLE_DRAWING_HEADING = "Where it lies on the bones"
MUSCLE_DRAWING_EXPANDER = "Where {name} lies on the bones"
MUSCLE_DRAWING_INTRO = (
    "The right hip, seen from the side and from behind. Muscles that lie nearer to you than the chosen one are "
    "drawn see-through with a dashed outline, so you can see the chosen muscle under them."
)
MUSCLE_DRAWING_VIEW_TITLES = {
    "side": "Side view: the right hip from the outside",
    "back": "Back view: the right hip from behind",
}
MUSCLE_DRAWING_TITLE = "{name} on the bones. {view}"
MUSCLE_DRAWING_DIRECTIONS = {"back": "Back", "front": "Front", "middle": "Middle of the body", "outside": "Outside"}
MUSCLE_DRAWING_STARTS = "Starts"
MUSCLE_DRAWING_ENDS = "Ends"
MUSCLE_DRAWING_BONES = {
    "crest": "Top rim of the pelvis (iliac crest)",
    "sacrum": "Sacrum",
    "ischium": "Sitting bone (ischium)",
    "trochanter": "Greater trochanter",
    "band": "IT band",
    "femur": "Thigh bone (femur)",
}
MUSCLE_DRAWING_LEGEND_CHOSEN = "{name}: this muscle, strong color and dark outline"
MUSCLE_DRAWING_LEGEND_OTHERS = "Other muscles: pale gray"
MUSCLE_DRAWING_LEGEND_OVER = "Nearer to you than this muscle: see-through, dashed outline"
MUSCLE_DRAWING_LEGEND_STARTS = "Filled dot, “Starts”: where the muscle starts (origin)"
MUSCLE_DRAWING_LEGEND_ENDS = "Ring, “Ends”: where the muscle ends (insertion)"
MUSCLE_DRAWING_LEGEND_HIDDEN = "Dashed ring: on the far side of the bone, out of sight in this view"
MUSCLE_DRAWING_LEGEND_BAND = "Striped strip: the iliotibial (IT) band, which runs on down the thigh to below the knee"
MUSCLE_DRAWING_ALT = (
    "{view}. A drawing of the pelvis and the top of the thigh bone with {name} in a strong color and the other "
    "buttock muscles in pale gray."
)
MUSCLE_DRAWING_ALT_STARTS = "It starts at: {origin}"
MUSCLE_DRAWING_ALT_ENDS = "It ends at: {insertion}"
MUSCLE_DRAWING_ALT_START_HIDDEN = "From this side, the place where it starts is hidden behind the bone."
MUSCLE_DRAWING_ALT_END_HIDDEN = "From this side, the place where it ends is hidden behind the bone."
MUSCLE_DRAWING_ALT_OVER = "Drawn see-through over it in this view: {names}."
TRENDELENBURG_FIGURE_TITLE = "Standing on the right leg, seen from behind"
TRENDELENBURG_LEVEL_TITLE = "Strong hip muscles: pelvis stays level"
TRENDELENBURG_DROP_TITLE = "Weak hip muscles: pelvis drops"
TRENDELENBURG_LEVEL_LINE = "Level line"
TRENDELENBURG_PELVIS_LEVEL = "Pelvis level"
TRENDELENBURG_PELVIS_DROP = "Pelvis drops on the lifted-leg side"
TRENDELENBURG_PELVIS_DROP_NOTE = "Pelvis drops on<br>the lifted-leg side"
TRENDELENBURG_LEVEL_NOTE = "Level"
TRENDELENBURG_BODY = "Body"
TRENDELENBURG_FLOOR = "Floor"
TRENDELENBURG_PERSON_LEFT = "Person's left"
TRENDELENBURG_PERSON_RIGHT = "Person's right"
TRENDELENBURG_STANDING_LEG = "Standing leg"
TRENDELENBURG_LIFTED_LEG = "Lifted leg"
TRENDELENBURG_MUSCLES = "Hip muscles of the<br>standing leg hold<br>the pelvis level"
TRENDELENBURG_TEXT = (
    "Two stick figures seen from behind, each standing on the right leg with the left foot lifted.",
    "Left picture: the hip muscles of the standing leg are strong, and the pelvis stays level (the "
    "pelvis line lies on the dashed level line).",
    "Right picture: the hip muscles of the standing leg are weak, and the pelvis tips down on the side of the "
    "lifted leg (the pelvis line slopes below the dashed level line on the person's left).",
    "Clinicians call the drop a positive Trendelenburg sign on the side of the standing leg. Many people lean "
    "their upper body over the standing leg to stop the drop, which can make walking look like a lurch.",
    "The sign is a clue for a clinician to interpret, not a test you can use to diagnose yourself.",
)
COMPARE_FEATURE = "Feature"
COMPARE_ROWS = {
    "latin_name": "Latin name",
    "summary": "In short",
    "layer": "Depth",
    "origin": "Starts at (origin)",
    "insertion": "Ends at (insertion)",
    "nerve": "Nerve",
    "nerve_roots": "Nerve roots",
    "blood_supply": "Blood supply",
    "actions": "What it does",
    "referral": "Where its pain can be felt",
    "aggravators": "Often made worse by",
}

# --- sources & about screen -------------------------------------------------------------------------------
ABOUT_TITLE = "Sources & about"
ABOUT_HOW_TO_USE = "How to use GluteMap"
ABOUT_STEPS = (
    "Start on Home, or go straight to Explore to choose where you feel pain or to describe it in your own words.",
    "If GluteMap shows a “Seek care now” message, follow it before anything else.",
    "Read about conditions that can fit, and how the gluteus medius and minimus may be involved.",
    "Look at the Anatomy pages to see where these muscles are and where their pain can be felt.",
    "Try the Exercises only if they feel comfortable, and stop if they hurt. Take your plan to a clinician.",
)
ABOUT_NOTICE = "The full notice"
ABOUT_EMERGENCY = "In an emergency"
ABOUT_PRIVACY = "Your privacy"
ABOUT_SOURCES = "Sources"
ABOUT_SOURCES_INTRO = Plural(
    "GluteMap shows {count} source. Its address is written out as text, so you can look it up later; "
    "nothing on this screen opens another website.",
    "GluteMap shows {count} sources. Addresses are written out as text, so you can look them up later; "
    "nothing on this screen opens another website.",
)
ABOUT_SOURCE_KIND = "Kind: {kind}"
ABOUT_SOURCE_ADDRESS = "Address: {address}"
ABOUT_SOURCE_NO_ADDRESS = "No web address given."
ABOUT_SOURCE_SUPPORTS = "Supports: {records}"
ABOUT_SOURCE_UNUSED = "Not cited by any page yet."
ABOUT_REVIEWS = "When the content was reviewed"
ABOUT_REVIEW_RANGE = "Pages were last reviewed between {first} and {last}."
ABOUT_REVIEW_COLUMNS = ("Kind", "Page", "Last reviewed")
SOURCE_KIND_LABELS = {
    "seed": "Seed article (where GluteMap started)",
    "guideline": "Clinical guideline",
    "review": "Review of studies",
    "primary": "Original study",
    "registry": "Trial registration",
    "reference": "Reference work",
    "secondary": "Secondary summary (reports another source)",
    "code_list": "Medical code list",
}
# Keyed by the KnowledgeBase field that holds the records (a test checks every kind that cites a source has both).
RECORD_KIND_LABELS = {
    "muscles": "Muscle",
    "conditions": "Condition",
    "exercises": "Exercise",
    "regions": "Body-map area",
    "red_flags": "Warning sign",
    "glossary": "Glossary word",
    "disclaimer": "Notice",
    "emg": "Muscle activity study",
    "phases": "Rehabilitation step",
    "progression": "Step on the exercise ladder",
    "options": "Care option",
    "outcomes": "Trial result",
    "language": "Rules for reading free text",
    "concepts": "Everyday words",
}
RECORD_KIND_PLURALS = {
    "muscles": "Muscles",
    "conditions": "Conditions",
    "exercises": "Exercises",
    "regions": "Body-map areas",
    "red_flags": "Warning signs",
    "glossary": "Glossary words",
    "disclaimer": "Notice",
    "emg": "Muscle activity studies",
    "phases": "Rehabilitation steps",
    "progression": "Steps on the exercise ladder",
    "options": "Care options",
    "outcomes": "Trial results",
    "language": "Rules for reading free text",
    "concepts": "Everyday words",
}

# --- body map (Explore) and referral figures --------------------------------------------------------------
BODYMAP_YOUR_LEFT = "Your left"
BODYMAP_YOUR_RIGHT = "Your right"
BODYMAP_YOUR_LEFT_SIDE = "Your left side"
BODYMAP_YOUR_RIGHT_SIDE = "Your right side"
BODYMAP_FACING_FRONT = "Front"
BODYMAP_FACING_BACK = "Back"
BODYMAP_SOLES = "Soles of your feet"
BODYMAP_VIEW_TITLES = {
    "front": "Body seen from the front",
    "back": "Body seen from the back",
    "side_left": "Your left side, seen from the side",
    "side_right": "Your right side, seen from the side",
}
BODYMAP_VIEW_CHOICES = {
    "front": "Front",
    "back": "Back",
    "side_left": "Left side",
    "side_right": "Right side",
}
BODYMAP_SIDE_SUFFIX = {"left": " (your left)", "right": " (your right)", "none": ""}
BODYMAP_GROUP_LABELS = {
    "left": "Your left side",
    "right": "Your right side",
    "none": "Middle of your back",
}
BODYMAP_VIEW_LABEL = "Which way to look at the body"
BODYMAP_HELP = "Tap every area where you feel pain. Tap an area again to remove it."
BODYMAP_LIST_HELP = "Or choose the areas from a list"
REFERRAL_CHOSEN = "Areas you chose"
# The key beside a pain map, drawn like trigger-point charts: each row names the look and what it means.
REFERRAL_LEGEND = {
    "primary": "Main area (solid red)",
    "occasional": "Sometimes spreads here (red dots)",
    "rare": "Rarely reaches here (sparse red dots)",
}
REFERRAL_TRIGGER_POINT = "X: where the tender spot (trigger point) often lies"
REFERRAL_TRIGGER_POINT_HERE = "Its tender spot (trigger point), marked X, often lies under: {place}."
REFERRAL_TRIGGER_POINT_ELSEWHERE = "Its tender spot (trigger point) often lies under: {place} ({view} view)."
REFERRAL_OTHER_VIEWS = "More areas are on other views ({views}); see the table."
REFERRAL_PATTERN_TITLE = "{letter}: {label}"
REFERRAL_ALT = "{view}, showing where {muscle} pain is often felt."
REFERRAL_TABLE_COLUMNS = ("Pattern", "Area", "View", "How often")

# --- exercises screen -------------------------------------------------------------------------------------
EXERCISES_TITLE = "Exercises"
EXERCISES_INTRO = (
    "Exercises for the side hip muscles, as the source articles describe them. Check with a {doctor} or "
    "{therapist} before you start, and stop if one of the warning signs under “Stop if” appears."
)
EXERCISES_FILTERS_HEADING = "Show only exercises that…"
EXERCISES_FILTER_MUSCLE = "Work this muscle"
EXERCISES_FILTER_CATEGORY = "Are of this kind"
EXERCISES_FILTER_CONDITION = "Are suggested for"
EXERCISES_FILTER_EQUIPMENT = "Use this equipment"
EXERCISES_FILTER_NO_EQUIPMENT = "No equipment needed"
EXERCISES_FILTER_PLACEHOLDER = "Any"
EXERCISES_CLEAR_FILTERS = "Show all exercises"
EXERCISES_COUNT = Plural("{shown} of {total} exercise shown.", "{shown} of {total} exercises shown.", count="total")
EXERCISES_NONE_MATCH = "No exercise fits all of these choices. Remove a choice to see more."
EXERCISES_CHOOSE = "Tap an exercise to see how to do it. Scroll the row sideways for more."
EXERCISES_CARD_SHOWN = "{name} (shown)"
EXERCISES_KIND = "Kind: {category}"
EXERCISES_STEPS = "How to do it"
EXERCISES_DOSAGE = "How much"
EXERCISES_DOSAGE_NUMBERS = "The numbers in short:"
EXERCISES_DOSAGE_REPS = "Repetitions: {reps}"
EXERCISES_DOSAGE_ROUNDS = "Rounds: {rounds}"
EXERCISES_DOSAGE_BUILD_UP = "Build up to: {reps} repetitions"
EXERCISES_DOSAGE_HOLD_RANGE = "Hold: {low} to {high} seconds"
EXERCISES_DOSAGE_HOLD = "Hold: {seconds} seconds"
EXERCISES_DOSAGE_HOLD_UP_TO = "Hold: up to {seconds} seconds"
EXERCISES_DOSAGE_PER_SIDE = "Counted for each side"
EXERCISES_DOSAGE_IN_TOTAL = "Counted in total, not for each side"
EXERCISES_DOSAGE_FREQUENCY = "How often: {frequency}"
EXERCISES_DOSAGE_SETS = "Sets: {sets}"
EXERCISES_DOSAGE_REST = "Rest between sets: {seconds} seconds"
EXERCISES_DOSAGE_DAYS = "Days a week: {days}"
EXERCISES_DOSAGE_NO_NUMBERS = "The source gives no numbers for this exercise."
EXERCISES_EQUIPMENT = "Equipment"
EXERCISES_EQUIPMENT_NONE = "No equipment needed."
EXERCISES_EQUIPMENT_OPTIONAL = "{item} (optional)"
EXERCISES_EQUIPMENT_NEEDED = "{item} (needed)"
EXERCISES_STOP_IF = "Stop if"
EXERCISES_EASIER_HARDER = "Easier and harder steps"
EXERCISES_EASIER = "To make it easier"
EXERCISES_HARDER = "To make it harder"
EXERCISES_MISTAKES = "Common mistakes"
EXERCISES_MUSCLES = "Muscles it works"
EXERCISES_MUSCLE_ROLE = {"primary": "Main muscle", "secondary": "Also works"}
EXERCISES_CONDITIONS = "Suggested in GluteMap for"
EXERCISES_NOTES = "Notes"
EXERCISES_FOR_CLINICIANS = CONDITION_FOR_CLINICIANS
EXERCISES_PICTURES = "Pictures"
EXERCISES_PICTURE_START = "Start: {alt}"
EXERCISES_PICTURE_END = "End: {alt}"
EXERCISES_PICTURE_MOVING = "Moving picture, from the start to the end and back. Start: {start} End: {end}"
EXERCISES_PICTURE_MOVING_CAPTION = (
    "The movement, from start to end and back. It stands still if your device asks for less motion."
)
EXERCISES_PICTURE_KEY = (
    "The dark-blue leg, in front, is the one doing the exercise; the lighter gray leg is the other one, behind. "
    "The line at the bottom is the floor. An orange arrow shows which way to push when the body does not move."
)
EXERCISES_NO_PICTURES = "No picture yet for this exercise."
EXERCISES_LINK = "Link to this exercise: ?exercise={id}"
EMG_HEADING = "How hard the muscle works (research measurements)"
EMG_INTRO = (
    "Researchers measured muscle activity with EMG (electrical signals of a working muscle), as a percentage of "
    "the strongest squeeze the person could hold (% MVIC). The exercise on this page is marked ◆."
)
EMG_CHART_TITLE = "{muscle}{part}: {study}"
EMG_PART = " ({part})"
EMG_AXIS = "Muscle activity (% of the strongest squeeze)"
EMG_THIS_EXERCISE = "◆ "
EMG_WHO = "Who took part: {participants}"
EMG_METHOD = "How it was measured: {method}"
EMG_STATISTIC = {"mean": "Average of the group", "median": "Middle value of the group (median)"}
EMG_SPREAD = "{value}% (spread ± {spread})"
EMG_VALUE = "{value}%"
EMG_TABLE = "The same numbers as a table"
EMG_TABLE_COLUMNS = ("Exercise in the study", "Muscle activity", "Matches this exercise")
EMG_YES = "Yes"
EMG_NO = ""
EMG_CAVEAT = "Please note: "
EMG_SOURCE = "Source: {source}"
# Dosage lines, first-line care that is not a glute exercise, pain rules and the progression ladder.
EXERCISES_DOSAGE_REPS_EACH_DIRECTION = "Repetitions: {reps} in each direction"
EXERCISES_DOSAGE_BUILD_UP_EACH_DIRECTION = "Build up to: {reps} repetitions in each direction"
EXERCISES_DOSAGE_HOW_MUCH = "In short:"
EXERCISES_DOSAGE_NUMBERS_FROM = "Numbers the seed articles do not give come from: {source}"
EXERCISES_NOT_GLUTE = (
    "Not a glute exercise. It works another part of the leg or foot. It is shown because it is usually part of "
    "first-line care for the conditions listed below."
)
EXERCISES_NOT_GLUTE_SHORT = "not a glute exercise"
EXERCISES_NAME_NOT_GLUTE = "{name} (not a glute exercise)"
EXERCISES_WORKS = "Works: {works}"
CONDITION_EXERCISES_CHECK_FIRST = "Exercises often suggested for this. Check with a clinician before you start."
PAIN_RULE_HEADING = "How much pain is all right"
PAIN_RULE_LABELS = {
    "settles_in_24h": "Some pain is all right if it settles by the next morning",
    "stop_if_pain": "Stop if it hurts",
}
PAIN_RULES = {
    "settles_in_24h": (
        "For a sore tendon, some pain during these exercises is acceptable. Up to about 3 out of 10 is fine and up "
        "to 5 out of 10 is the most (0 is no pain, 10 the worst you can imagine), as long as it has settled by the "
        "next morning. If it goes above 5, or is worse the next day, do less next time. This rule comes from a trial "
        "in Achilles tendon pain (Silbernagel and others, 2007). GluteMap uses it for the tendons at the side of the "
        "hip too, where reviews advise managing the load on the tendon rather than resting completely. Stop and get "
        "help for a sudden sharp pain or a snap."
    ),
    "stop_if_pain": (
        "Stop an exercise if it causes pain, or if pain builds during it or afterwards. Tired, working muscles are normal."
    ),
}
PAIN_RULE_FOR = "{condition}: {rule}"
PAIN_RULE_GENERAL = "If no condition is chosen: {rule}"
HANDOUT_PAIN = "How much pain is all right"
LADDER_HEADING = "From waking the muscles up to building strength: a step-by-step ladder"
LADDER_INTRO = (
    "The seed articles give light activation doses. They wake the muscles up but are below the level that builds "
    "strength. This ladder shows the steps after them. Start at step 1 and move up one step at a time, only when "
    "the rule for that step is met."
)
LADDER_STEP = "{title} ({level})"
LADDER_EXERCISES = "Exercises at this step:"
LADDER_DOSE = "How much: {dose}"
LADDER_MOVE_UP = "When to move up: {rule}"
LADDER_SOURCES = "Sources: {sources}"
LADDER_REVIEWED = "Last reviewed: {date}"
PHASES_HEADING = "When to do which exercises"
PHASES_INTRO = (
    "One of the source articles describes this order of recovery after a gluteus minimus injury. Your {doctor} or "
    "{therapist} may advise a different plan: follow theirs."
)
PHASES_FIGURE_TITLE = "Order of recovery"
PHASES_TEXT = "The same order in words"
PHASES_STEP = "{number}. {title} ({when}): {what}"
PHASES_CATEGORIES = "Kinds of exercise: {categories}"
PHASES_SOURCE = "Source: {sources}"

# --- my plan ----------------------------------------------------------------------------------------------
PLAN_TITLE = "My plan"
PLAN_INTRO = (
    "Collect exercises here to take home. Choose the side for each, put them in order, then print the plan, "
    "save it as a PDF, or scan the code with your phone. GluteMap never asks for your name, and nothing leaves "
    "this device."
)
PLAN_EMPTY = "Your plan is empty. Add exercises from the Exercises page, or from Explore and Conditions."
PLAN_GO_EXERCISES = "Choose exercises"
PLAN_ADD = "Add “{name}” to my plan"
PLAN_ADDED = "“{name}” is in your plan."
PLAN_OPEN = "Open my plan"
PLAN_EDIT_HEADING = "Change your plan"
PLAN_SIDE_LABEL = "Side for “{name}”"
# Sides are the person's own, said so in every label.
PLAN_SIDE_CHOICES = {"left": "Your left leg", "right": "Your right leg", "both": "Both legs"}
PLAN_SIDE_HANDOUT = {"left": "your left leg", "right": "your right leg", "both": "both legs"}
PLAN_UP = "Move “{name}” up"
PLAN_DOWN = "Move “{name}” down"
PLAN_REMOVE = "Remove “{name}”"
PLAN_CLEAR = "Empty my plan"
PLAN_TAKE_HOME_HEADING = "Take your plan home"
PLAN_QR_HEADING = "Scan to keep your plan"
PLAN_QR_CAPTION = "QR code holding your plan as plain text"
PLAN_QR_LINK_CAPTION = "QR code that opens your plan on your phone"
PLAN_QR_LINK_HELP = (
    "Point your phone camera at the code to open your plan on the clinic's GluteMap website. The plan is inside"
    " the link: nothing about you is stored."
)
PLAN_QR_HELP = (
    "Point your phone camera at the code. Your phone reads the plan straight from the picture: it is not sent "
    "anywhere, and no website is opened."
)
PLAN_QR_TOO_LONG = "Your plan is too long for one code. Remove an exercise to get a code."
PLAN_QR_TEXT = "What the code contains"
PLAN_PDF = "Save the plan as a PDF"
PLAN_PDF_HELP = "The file is made on this device and contains only the exercises, the date and the notices."
PLAN_PRINT_HINT = "To print: use your browser's Print command. Only the handout below is printed."
PLAN_KIOSK_NOTE = "On this screen you can take the plan home with the QR code."
PLAN_HANDOUT_HEADING = "Printable handout"
PLAN_TEXT_TITLE = "GluteMap exercise plan, {date}"
PLAN_TEXT_ITEM = "{number}. {name}, {side}: {dosage}"
PLAN_TEXT_SEPARATOR = "; "
PLAN_TEXT_STOP = "Stop any exercise that causes sharp or increasing pain, and ask a {doctor}."

# --- handout (screen print section and PDF) -------------------------------------------------------------------
HANDOUT_TITLE = "My GluteMap exercise plan"
HANDOUT_DATE = "Made on {date}"
HANDOUT_ITEM = "{number}. {name} — {side}"
HANDOUT_STEPS = "How to do it"
HANDOUT_DOSAGE = "How much"
HANDOUT_EQUIPMENT = "Equipment"
HANDOUT_STOP_IF = "Stop if"
HANDOUT_STOP_EVERY = "Stop any of these exercises if"
HANDOUT_PICTURE_START = "Start"
HANDOUT_PICTURE_END = "End"
HANDOUT_QUESTIONS = "Questions to ask your clinician"
HANDOUT_NOTICE = "Please read"
HANDOUT_EMERGENCY = "In an emergency"
HANDOUT_SOURCES = "Sources"
HANDOUT_SOURCES_SEPARATOR = " · "
HANDOUT_FILE_NAME = "glutemap-plan-{date}.pdf"
HANDOUT_PDF_TITLE = "GluteMap exercise plan"

# --- what next: the decision aid after a result (glutemap/screens/decide.py, glutemap/ui/decide_widgets.py) -------
DECIDE_HEADING = "What you could do next"
DECIDE_INTRO = (
    "These are the usual choices, each described the same way. GluteMap cannot choose for you: use them to "
    "think it through and to talk it over with a {doctor} or {therapist}."
)
DECIDE_INTRO_URGENT = "Because of the warning sign, one choice comes before all others."
DECIDE_WHEN_IT_FITS = "When it fits"
DECIDE_WHAT_IT_INVOLVES = "What it involves"
DECIDE_WHAT_IS_KNOWN = "What is known"
DECIDE_WHAT_IS_NOT_KNOWN = "What is not known"
DECIDE_FOR_CONDITION = "For {name}"
DECIDE_OTHERS_HIDDEN = (
    "Other choices, such as exercises or waiting, are not shown because you chose or described a warning sign. "
    "Get checked first; a clinician can then talk through the other choices with you."
)
DECIDE_SEEK_CARE_FALLBACK_SUMMARY = "Get a medical check straight away, before you try exercises or wait."
DECIDE_SEEK_CARE_FALLBACK_WHEN = "You chose or described a warning sign."
DECIDE_SEEK_CARE_FALLBACK_INVOLVES = "Follow the advice for each warning sign above."
DECIDE_NUMBERS_HEADING = "What studies show, in numbers"
DECIDE_NUMBERS_INTRO = "Each figure below stands for one person in a trial. Filled blue figures improved; gray outlines did not."
DECIDE_NO_NUMBERS = (
    "For {names}, we found no trial that gives numbers for these choices, so no picture of numbers is shown. "
    "That does not mean nothing helps: it means the numbers are not known well enough to show."
)
DECIDE_TRIAL_QUESTION = "The question"
DECIDE_TRIAL_WHO = "Who took part"
DECIDE_TRIAL_IMPROVED_MEANS = "What improved means here"
DECIDE_TRIAL_ARM_LINE = "{label}: {improved} of {total} people improved at {timepoint}."
DECIDE_TRIAL_ARM_INVOLVES = "What it involved: {involves}"
DECIDE_TRIAL_ARM_CLOSEST = "Closest GluteMap choice: {option}"
DECIDE_TRIAL_HARMS = "Side effects"
DECIDE_TRIAL_LIMITS = "What these numbers do not tell you"
DECIDE_TRIAL_TABLE = "The same numbers as a table"
DECIDE_QUESTIONS_HEADING = "Questions to ask your clinician"
DECIDE_SOURCES = "Sources for these choices"
DECIDE_NO_COMMERCIAL_INTEREST = (
    "GluteMap has no commercial interest in any of these choices. It sells no treatment and is not paid to show any of them."
)
ICON_ARRAY_TITLE = "How many people improved at {timepoint} (each figure is one person)"
ICON_ARRAY_IMPROVED = "Improved (filled figure)"
ICON_ARRAY_NOT_IMPROVED = "Did not improve (gray outline)"
ICON_ARRAY_COUNT = "{improved} of {total} improved"
ICON_ARRAY_ALT = "Picture of people in each trial group, showing how many improved. {lines}"
ICON_ARRAY_COLUMNS = ("Group", "What it involved", "Improved", "Did not improve", "People with a result")

# --- clinic settings and the urgent contact line (glutemap/clinic.py) ------------------------------------
CLINIC_DEFAULT_ON_SITE_HELP = "Tell a member of staff at the front desk."
URGENT_CONTACT_KIOSK = "Alert the clinic staff now. {on_site_help}"
URGENT_CONTACT_KIOSK_NAMED = "Alert the staff of {clinic} now. {on_site_help}"
URGENT_CONTACT_NUMBER = "In an emergency, call {number}."
URGENT_CONTACT_NO_NUMBER = "In an emergency, call your local emergency number."
CLINIC_SETTINGS_NOTICE = Plural(
    "Staff notice: the clinic settings file has {count} problem, so no emergency number is shown. "
    "Run `python -m glutemap.clinic` on the server for details.",
    "Staff notice: the clinic settings file has {count} problems, so no emergency number is shown. "
    "Run `python -m glutemap.clinic` on the server for details.",
)

# --- the matcher's reasons and messages (glutemap/search) ------------------------------------------------
MATCH_TEXT_TOO_LONG = "the description is {length:,} characters long; the limit is {limit:,}"
MATCH_FLAG_TICKED = "You ticked: {flag}"
MATCH_FLAG_WORDS = 'You wrote words like "{words}"'
MATCH_REASON_NAME = 'You wrote "{words}", a name for {name}'
MATCH_REASON_WORDS = 'Your words match "{words}"'
MATCH_REASON_SYMPTOM = 'Your words fit the symptom "{symptom}"'
MATCH_REASON_SIGN = 'Your words fit how this often shows: "{words}"'
MATCH_REASON_CONCEPT = 'You wrote "{words}", which fits how this often feels'
MATCH_REASON_SYMPTOM_CHOSEN = 'You chose the symptom "{symptom}"'
MATCH_REASON_REGION_MAIN_CHOSEN = 'You chose "{place}", a main place this is felt'
MATCH_REASON_REGION_MAIN_WRITTEN = 'You mentioned "{place}", a main place this is felt'
MATCH_REASON_REGION_SOME_CHOSEN = 'You chose "{place}", where this is sometimes felt'
MATCH_REASON_REGION_SOME_WRITTEN = 'You mentioned "{place}", where this is sometimes felt'
MATCH_MUSCLE_CONDITION = "Can be involved in {condition}: {how}"
MATCH_MUSCLE_REFERRAL = 'Can send (refer) pain to "{place}" ({pattern}: {spread})'

# --- labels of the knowledge's fixed choices (the schema's Literal values) -------------------------------
VIEW_LABELS: dict[str, str] = {"front": "Front", "back": "Back", "side": "Side"}
SPREAD_LABELS: dict[str, str] = {
    "primary": "Main area",
    "occasional": "Sometimes spreads here",
    "rare": "Rarely reaches here",
}
EVIDENCE_LABELS: dict[str, str] = {
    "seed_claim": "Claim only: stated by an educational article, not tested in studies we found",
    "association": "Association: seen together in studies, cause not shown",
    "limited_mixed": "Limited and mixed: a few small studies, and their results do not agree",
    "prospective": "Prospective: measured before the problem started, in small studies",
    "trial": "Trial: tested in a randomized trial",
}
URGENCY_LABELS: dict[str, str] = {
    "emergency": "Emergency: get help now",
    "urgent": "Urgent: see a {doctor} today",
    "prompt": "Soon: see a {doctor} within days",
}
CATEGORY_LABELS: dict[str, str] = {
    "activation": "Activation",
    "flexibility": "Flexibility",
    "isometric": "Isometric (hold without moving)",
    "dynamic": "Dynamic (moving with resistance)",
}
RED_FLAG_GROUP_LABELS: dict[str, str] = {
    "cauda_equina": "Possible pressure on the nerves at the base of the spine (cauda equina)",
    "cancer": "Possible serious illness such as cancer",
    "infection": "Possible infection",
    "fracture": "Possible broken bone",
    "neurological": "Nerve problems that are getting worse",
    "hip": "Serious hip problem",
    "vascular": "Possible problem with a blood vessel (a clot or a swollen artery)",
    "inflammatory": "Possible inflammation of the spine (inflammatory back pain)",
    "child": "Hip or knee pain in a child or teenager",
    "tendon": "Possible torn tendon",
}
CITATION_PART_LABELS: dict[str, str] = {"authors": "Authors", "year": "Year", "journal": "Journal or publisher"}
CONCEPT_KIND_LABELS: dict[str, str] = {
    "body_part": "Body part",
    "symptom": "Symptom",
    "function": "Body function",
    "course": "How it started or changes",
    "person": "Who it is about",
    "activity": "Activity",
    "cause": "Cause or history",
    "number": "A number people write",
}
MEASURE_LABELS: dict[str, str] = {
    "age": "Age in years",
    "temperature": "Temperature in °C",
    "weight_lost": "Weight lost in kg",
    "years_lasting": "How long the trouble has lasted, in years",
    "years_ago": "Years ago",
}

# --- British spelling (a clinic's `spelling: UK`): US word -> British word, besides "-ize" -> "-ise" -------
UK_SPELLINGS: dict[str, str] = {
    "center": "centre", "centers": "centres", "centered": "centred",
    "color": "colour", "colors": "colours", "colored": "coloured",
    "behavior": "behaviour", "behaviors": "behaviours",
    "favor": "favour", "favors": "favours", "favoring": "favouring", "favored": "favoured", "favorite": "favourite",
    "tumor": "tumour", "tumors": "tumours", "labor": "labour",
    "orthopedic": "orthopaedic", "orthopedics": "orthopaedics", "anesthetic": "anaesthetic",
    "anesthetics": "anaesthetics", "pediatric": "paediatric", "edema": "oedema",
    "hemorrhage": "haemorrhage", "anemia": "anaemia", "fiber": "fibre", "fibers": "fibres", "gray": "grey",
    "program": "programme", "programs": "programmes", "aging": "ageing", "judgment": "judgement",
    "skeptical": "sceptical", "maneuver": "manoeuvre", "maneuvers": "manoeuvres", "defense": "defence",
    "traveled": "travelled", "traveling": "travelling", "canceled": "cancelled", "modeled": "modelled",
    "modeling": "modelling", "dysesthesia": "dysaesthesia",
    "analyze": "analyse", "analyzed": "analysed", "paralyzed": "paralysed", "esophagus": "oesophagus",
    "estrogen": "oestrogen", "diarrhea": "diarrhoea", "liter": "litre", "liters": "litres",
}  # fmt: skip
# Words that end like an "-ize" verb but are spelled the same in British English.
UK_SPELLING_KEEP: frozenset[str] = frozenset({"size", "sized", "sizes", "sizing", "prize", "prizes", "seize", "seized",
                                              "seizes", "seizing", "capsize", "capsized", "baize"})  # fmt: skip
