"""OWSLib against the Features API: conformance, collections, items with bbox, items in EPSG:28992.
Usage: /usr/bin/python3 owslib_check.py <landing URL>. Prints one JSON object."""
import json
import sys

from owslib.ogcapi.features import Features

url = sys.argv[1]
api = Features(url)
conformance = api.conformance()["conformsTo"]
collections = [c["id"] for c in api.collections()["collections"]]
collection = api.collection("sensors")
everything = api.collection_items("sensors", limit=100)
boxed = api.collection_items("sensors", bbox=[5, 52, 6, 53])
rd = api.collection_items("sensors", crs="http://www.opengis.net/def/crs/EPSG/0/28992", limit=100)
queryables = api.collection_queryables("sensors")
print(json.dumps({
    "conformance": conformance,
    "collections": collections,
    "storageCrs": collection.get("storageCrs"),
    "numberMatched": everything["numberMatched"],
    "ids": [f["id"] for f in everything["features"]],
    "bboxIds": [f["id"] for f in boxed["features"]],
    "rd": {str(f["id"]): f["geometry"]["coordinates"] for f in rd["features"]},
    "queryables": sorted(queryables["properties"].keys()),
}))
