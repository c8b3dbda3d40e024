"""Reads a GeoPackage written by ogr2ogr: prints [[fid, name, x, y], ...] of its one layer as JSON.
Usage: /usr/bin/python3 gpkg_ids.py <file.gpkg>."""
import json
import sys

from osgeo import ogr

source = ogr.Open(sys.argv[1])
layer = source.GetLayer(0)
rows = []
for feature in layer:
    geometry = feature.GetGeometryRef()
    rows.append([feature.GetFID(), feature.GetField("name"), geometry.GetX(), geometry.GetY()])
print(json.dumps({"layer": layer.GetName(), "srs": layer.GetSpatialRef().GetAuthorityCode(None) if layer.GetSpatialRef() else None, "rows": sorted(rows)}))
