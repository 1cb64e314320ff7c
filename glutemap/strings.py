"""Every visible word of the app that is not knowledge content, in one place (a Spanish edition will follow).

Knowledge text (conditions, muscles, exercises, disclaimers) lives in `knowledge/`; this module holds the
labels, headings and short messages of the screens. Group by screen; keep names descriptive.
"""

from __future__ import annotations

APP_TITLE = "GluteMap"
APP_TAGLINE = "Learn how two hip muscles can be linked to hip, back, knee and foot pain."

# --- navigation -------------------------------------------------------------------------------------------
NAV_HOME = "Home"
NAV_EXPLORE = "Explore"
NAV_CONDITIONS = "Conditions"
NAV_ANATOMY = "Anatomy"
NAV_EXERCISES = "Exercises"
NAV_PLAN = "My plan"
NAV_ABOUT = "Sources & about"
NAV_LABEL = "Go to"

# --- shared components ------------------------------------------------------------------------------------
DISCLAIMER_MORE = "Read the full notice"
GLOSSARY_HEADING = "Words used here"
SOURCES_HEADING = "Sources"
REVIEWED_ON = "Content last reviewed on {date}."
UNAVAILABLE_TITLE = "GluteMap is temporarily unavailable"
UNAVAILABLE_BODY = (
    "The information GluteMap shows could not be loaded just now. Please try again later, or ask a member "
    "of staff. If you are in pain or worried about your health, please talk to a doctor or nurse."
)
STALE_NOTICE = (
    "Staff notice: the knowledge files were edited and have {count} problem(s); the last good version is "
    "still shown. Run `glutemap validate` on the server for details."
)
ERROR_TITLE = "Sorry, something went wrong on this screen"
ERROR_BODY = "Nothing you chose was lost. You can try again, or go back to the start."
BACK_TO_START = "Back to the start"
NOT_FOUND = "We could not find “{name}”. Choose one from the list instead."

# --- urgent panel -----------------------------------------------------------------------------------------
URGENT_TITLE = "Seek care now"
URGENT_INTRO = (
    "You chose or described something that can be a sign of a serious problem. This does not mean something "
    "serious is happening, but it needs a doctor's check before anything else."
)
URGENT_ACK = "I understand. Show me the information anyway"
URGENT_ACKNOWLEDGED = "You have read the urgent advice above. Please still get the check it describes."
URGENCY_PREFIX = {"emergency": "EMERGENCY", "urgent": "URGENT", "prompt": "SOON"}

# --- home -------------------------------------------------------------------------------------------------
HOME_TITLE = "GluteMap"
HOME_LINES = (
    "GluteMap shows how two muscles on the side of your hip, the gluteus medius and gluteus minimus, "
    "can be linked to pain in the back, hip, knee and foot.",
    "It helps you learn and prepare questions for a doctor or physical therapist.",
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
EXPLORE_RED_FLAGS_HELP = "Tick any that apply. These can be signs of a problem that needs a doctor soon."
EXPLORE_WHERE_HEADING = "Where does it hurt?"
EXPLORE_VIEW_LABEL = "Body view"
EXPLORE_REGIONS_LABEL = "Places on the body (tap to choose, tap again to remove)"
EXPLORE_TEXT_LABEL = "Describe it in your own words"
EXPLORE_TEXT_PLACEHOLDER = "For example: outer knee pain when running, or pain down the side of my leg"
EXPLORE_TEXT_TOO_LONG = "Your description is very long; only the first part was read."
EXPLORE_CLEAR = "Clear my choices"
EXPLORE_RESULTS_HEADING = "What may be linked"
EXPLORE_NO_INPUT = "Choose a place on the body or describe your pain to see what may be linked."
EXPLORE_NO_MATCH = (
    "Nothing in GluteMap fits what you chose or wrote. GluteMap only covers problems linked to the side "
    "hip muscles. If you are worried, please talk to a doctor or physical therapist."
)
EXPLORE_WHY = "Why this was shown"
EXPLORE_HOW_MUSCLES = "How the hip muscles can be involved"
EXPLORE_EVIDENCE = "How strong the evidence is"
EXPLORE_EXERCISES = "Exercises that may help"
EXPLORE_EXERCISES_HIDDEN = "Exercise ideas are hidden until you have read the urgent advice above."
EXPLORE_OPEN_CONDITION = "Read more about {name}"
EXPLORE_OPEN_EXERCISE = "{name}"
EXPLORE_MUSCLES_HEADING = "Muscles that may be involved"
EXPLORE_REFERRAL_HEADING = "Where these muscles can send pain"
EXPLORE_REFERRAL_INTRO = (
    "A tight or irritated muscle can make pain appear somewhere else (referred pain). These drawings show "
    "where each muscle can send pain, with the places you chose outlined."
)
EXPLORE_FLOW_HEADING = "How it connects"
EXPLORE_FLOW_TITLE = "From where it hurts to conditions, muscles and exercises"
EXPLORE_FLOW_TABLE = "The same links as a table"
EXPLORE_UNDERSTOOD = "Places we understood from your words: {places}"
EXPLORE_SCORE = "Match strength: {score}"
FLOW_KIND_LABELS = {"region": "place", "condition": "condition", "muscle": "muscle", "exercise": "exercise"}
SIDE_SUFFIX = {"l": "your left", "r": "your right"}

# --- kiosk ------------------------------------------------------------------------------------------------
KIOSK_WELCOME_TITLE = "Welcome to GluteMap"
KIOSK_WELCOME_BODY = (
    "Learn how two muscles on the side of the hip can be linked to back, hip, knee and foot pain, "
    "and which exercises may help."
)
KIOSK_WELCOME_NOTICE = (
    "This screen is for learning only. It cannot tell you what is wrong and does not replace a doctor or "
    "physical therapist. Nothing you choose or type is kept: the screen clears itself when you leave."
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
CONDITION_RESULTS_COUNT = "Showing {shown} of {total} conditions."
CONDITION_NO_RESULTS = "No condition matches those words. Try other words, or clear the search to see them all."
CONDITION_NONE_YET = "No conditions have been added yet."
CONDITION_OPEN_HELP = "Read about this condition"
CONDITION_BACK = "All conditions"
CONDITION_ALSO_CALLED = "Also called: {names}"
CONDITION_SYMPTOMS = "Common symptoms"
CONDITION_FELT_IN = "Where it is usually felt"
CONDITION_MUSCLES = "How the hip muscles are involved"
CONDITION_EVIDENCE = "How strong the evidence is"
CONDITION_MUSCLE_PAGE = "About the {name}"
CONDITION_EXERCISES = "What may help"
CONDITION_EXERCISES_INTRO = (
    "Exercises often suggested for this. Check with a clinician before you start, and stop if an exercise "
    "causes pain."
)
CONDITION_SELF_CARE = "Looking after yourself"
CONDITION_SEE_CLINICIAN = "When to see a clinician"
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
REFERRAL_INTRO = (
    "Where pain from this muscle is often felt. Pain can be felt away from the muscle itself (referred pain)."
)
REFERRAL_TABLE_HEADING = "The same pattern as a table"
REFERRAL_COLUMNS = ("Pattern", "Body area", "Where exactly", "How often", "Seen from")
REFERRAL_NONE = "GluteMap has no pain map for this muscle."
REFERRAL_NONE_IN_VIEW = "This pattern is not visible from the {view} view; try another view or read the table."
COMPARE_INTRO = "The two muscles side by side."
TRENDELENBURG_HEADING = "The Trendelenburg sign"
TRENDELENBURG_INTRO = (
    "With every step you stand on one leg for a moment. The gluteus medius and minimus of the standing leg "
    "keep the pelvis level. A clinician may ask you to stand on one leg to see how well they do this."
)
EXERCISE_ROLE_LABELS = {"primary": "works it mainly", "secondary": "works it a little"}
LAYER_DEPTH_WORDS = {1: "outermost", 2: "middle", 3: "deep", 4: "deepest"}
LAYER_COVERED = "The {name} lies in layer {layer} ({depth}), under the {over}."
LAYER_UNCOVERED = "The {name} lies in layer {layer} ({depth}); no other buttock muscle covers it."

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
TRENDELENBURG_FIGURE_TITLE = "Standing on the right leg, seen from behind"
TRENDELENBURG_LEVEL_TITLE = "Strong hip muscles: pelvis stays level"
TRENDELENBURG_DROP_TITLE = "Weak hip muscles: pelvis drops"
TRENDELENBURG_LEVEL_LINE = "Level line"
TRENDELENBURG_PELVIS_LEVEL = "Pelvis level"
TRENDELENBURG_PELVIS_DROP = "Pelvis drops on the lifted-leg side"
TRENDELENBURG_BODY = "Body"
TRENDELENBURG_PERSON_LEFT = "Person's left"
TRENDELENBURG_PERSON_RIGHT = "Person's right"
TRENDELENBURG_STANDING_LEG = "Standing leg"
TRENDELENBURG_LIFTED_LEG = "Lifted leg"
TRENDELENBURG_MUSCLES = "Hip muscles of the standing leg hold the pelvis"
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
ABOUT_SOURCES_INTRO = (
    "GluteMap shows {count} sources. Addresses are written out as text, so you can look them up later; "
    "nothing on this screen opens another website."
)
ABOUT_SOURCE_KIND = "Kind: {kind}"
ABOUT_SOURCE_ADDRESS = "Address: {address}"
ABOUT_SOURCE_NO_ADDRESS = "No web address (a printed or shared document)."
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
    "reference": "Reference work",
    "secondary": "Secondary summary (reports another source)",
    "code_list": "Medical code list",
}
RECORD_KIND_LABELS = {"muscle": "Muscle", "condition": "Condition", "exercise": "Exercise", "red_flag": "Warning sign"}
