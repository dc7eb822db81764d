"""The place stage: where an event happened, from the places named on its trigger."""

from detente.places.locate import event_location

__all__ = ["event_location"]
