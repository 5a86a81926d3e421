"""Decision-form definitions (resources/forms/*.toml), their values and their validation.

Qt-free: the generic form view in pace_desktop.gui.forms renders what these describe.
"""

from pace_desktop.forms.definitions import (
    Choice,
    DefinitionError,
    FieldDef,
    FormDef,
    definition_for,
    definitions,
    load_all,
    load_definition,
)
from pace_desktop.forms.validation import FieldProblem, validate
from pace_desktop.forms.values import (
    FormInvalid,
    Values,
    blank_values,
    from_meeting,
    records_badge,
    to_meeting,
)

__all__ = [
    "Choice",
    "DefinitionError",
    "FieldDef",
    "FieldProblem",
    "FormDef",
    "FormInvalid",
    "Values",
    "blank_values",
    "definition_for",
    "definitions",
    "from_meeting",
    "load_all",
    "load_definition",
    "records_badge",
    "to_meeting",
    "validate",
]
