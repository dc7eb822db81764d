"""The place stage: where an event happened, resolved against GeoNames places shipped in places/data."""

from detente.places.geocode import ArticlePlaces
from detente.places.locate import event_location
from detente.places.table import PlaceTable, load_places

__all__ = ["ArticlePlaces", "PlaceTable", "event_location", "load_places"]
